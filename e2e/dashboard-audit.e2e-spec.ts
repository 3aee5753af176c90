import type { Page } from 'playwright-core';
import { startDashboardSystem, type DashboardSystem } from './support/dashboard';

describe('audit page in a browser', () => {
  let dashboard: DashboardSystem;

  beforeAll(async () => {
    dashboard = await startDashboardSystem({ stream: false });
  });
  afterAll(() => dashboard?.stop());

  const signIn = (username: string): Promise<Page> => dashboard.signIn(username, { page: { viewport: { width: 1366, height: 768 } } });

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
    await page.goto(`${dashboard.system.apiUrl}/#/audit`);
    await page.getByTestId('connection-status').waitFor();
    expect(await page.getByTestId('audit-page').count()).toBe(0);
    await page.close();
  });
});
