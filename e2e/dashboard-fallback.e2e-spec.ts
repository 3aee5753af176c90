import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestSystem, type TestSystem } from './support/test-system';

// The dashboard's single-page fallback answers index.html for pages, but never for what the
// server itself answers: /metrics must stay Prometheus text for the scraper (issue 7).
describe('API serving the dashboard', () => {
  const dist = mkdtempSync(join(tmpdir(), 'liaowang-dist-'));
  const PAGE = '<!doctype html><title>瞭望 test page</title>';
  let system: TestSystem;

  beforeAll(async () => {
    writeFileSync(join(dist, 'index.html'), PAGE);
    system = await startTestSystem({ stream: false, settings: { DASHBOARD_DIST: dist } });
  });
  afterAll(async () => {
    await system?.stop();
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers GET /metrics with Prometheus metrics, not index.html', async () => {
    const response = await fetch(`${system.apiUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const body = await response.text();
    expect(body).toMatch(/^# HELP /m);
    expect(body).toContain('liaowang_backups_total');
    expect(body).not.toContain(PAGE);
  });

  it('answers an unknown page with index.html, and an unknown API path with a problem', async () => {
    const page = await fetch(`${system.apiUrl}/cases/42`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toBe(PAGE);

    const api = await fetch(`${system.apiUrl}/api/v1/no-such-route`);
    expect(api.status).toBe(404);
    expect(await api.text()).not.toContain(PAGE);
  });

  it('answers health checks itself', async () => {
    const response = await fetch(`${system.apiUrl}/health/live`);
    expect(response.headers.get('content-type')).toMatch(/json/);
  });
});
