import type { Case } from '@liaowang/contract';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { callApi } from './support/alert-flow';
import { reportPath, startDashboardSystem, type DashboardSystem } from './support/dashboard';

// A 1×1 PNG: the server tells a file's type by its signature.
const SCREENSHOT = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

// R-CASE-5, R-UI-3 in the browser: a screenshot uploaded on the case page, listed with its
// SHA-256, downloaded back byte for byte; a refused file says why; the timeline reads in words.
describe('evidence files on the case page', () => {
  let dashboard: DashboardSystem;

  beforeAll(async () => {
    dashboard = await startDashboardSystem({ stream: false });
  });
  afterAll(() => dashboard?.stop());

  it('uploads a screenshot, shows its hash, downloads the same bytes, refuses an executable, and says the timeline in Chinese', async () => {
    const { system } = dashboard;
    const { token } = await system.login('duty');
    const created = await callApi(system.apiUrl, token, 'POST', '/api/v1/cases', { title: `证据页面-${randomUUID().slice(0, 8)}` });
    expect(created.status).toBe(201);
    const kase = (await created.json()) as Case;

    const page = await dashboard.signIn('duty', {
      hash: `#/cases/${encodeURIComponent(kase.id)}`,
      page: { viewport: { width: 1440, height: 900 }, acceptDownloads: true, locale: 'zh-CN' },
    });
    await page.getByTestId('case-page').waitFor();
    await page.getByTestId('evidence-file').setInputFiles({ name: '网传截图.png', mimeType: 'image/png', buffer: SCREENSHOT });
    const sha256 = createHash('sha256').update(SCREENSHOT).digest('hex');
    await page.locator('[data-testid="evidence-sha256"]', { hasText: sha256 }).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('evidence-size').textContent()).toBe('70 B · image/png');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('evidence-download').click()]);
    expect(download.suggestedFilename()).toBe('网传截图.png');
    expect(readFileSync(await download.path()).equals(SCREENSHOT)).toBe(true);

    // The timeline says what was added in words, not as recorded for machines.
    const added = page.locator('[data-testid="case-timeline"] li[data-type="evidence_added"]');
    await added.waitFor();
    expect(await added.textContent()).toContain(`新增证据duty文件「网传截图.png」，SHA-256 ${sha256}`);

    // An executable named like a picture is refused, and the page says so.
    const elf = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    await page.getByTestId('evidence-file').setInputFiles({ name: '截图2.png', mimeType: 'image/png', buffer: elf });
    await page.getByText('不接受该文件：内容为 application/x-executable').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid="case-evidence"]').count()).toBe(1);
    await page.screenshot({ path: reportPath('case-evidence-files.png'), fullPage: true });
  });
});
