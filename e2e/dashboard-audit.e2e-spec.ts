import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { launchBrowser } from './support/browser';
import { startTestSystem, type TestSystem } from './support/test-system';

describe('audit page in a browser', () => {
  let system: TestSystem;
  let browser: Browser;

  beforeAll(async () => {
    system = await startTestSystem({ stream: false, settings: { DASHBOARD_DIST: join(__dirname, '..', 'dashboard', 'dist') } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  async function signIn(username: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(system.apiUrl);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(system.settings.SEED_PASSWORD!);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();
    return page;
  }

  it('shows the admin the trail, filtered, and that the chain is whole', async () => {
    const page = await signIn('admin');
    await page.getByRole('link', { name: '审计日志' }).click();
    await page.getByTestId('audit-verdict').and(page.locator('[data-state="whole"]')).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('audit-verdict').textContent()).toMatch(/哈希链完整：共 \d+ 条记录/);
    // The admin's own sign-in is on the trail.
    await page.getByLabel('操作人').fill('admin');
    await page.getByLabel('操作', { exact: true }).fill('auth.login');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.getByTestId('audit-table').locator('tbody tr').first().waitFor();
    const actors = await page.getByTestId('audit-table').locator('tbody tr td:nth-child(3)').allTextContents();
    expect(actors.length).toBeGreaterThan(0);
    for (const actor of actors) expect(actor).toContain('admin');
    if (process.env.AUDIT_SCREENSHOT) await page.screenshot({ path: process.env.AUDIT_SCREENSHOT });
    await page.close();
  });

  it('leaves the page out of the navigation of a role that may not read the trail', async () => {
    const page = await signIn('duty');
    expect(await page.getByRole('link', { name: '审计日志' }).count()).toBe(0);
    // A typed address does not open it either; the live page shows instead.
    await page.goto(`${system.apiUrl}/#/audit`);
    await page.getByTestId('connection-status').waitFor();
    expect(await page.getByTestId('audit-page').count()).toBe(0);
    await page.close();
  });
});
