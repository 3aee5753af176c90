import type { NotifyChannel } from '@liaowang/contract';
import { randomUUID } from 'node:crypto';
import { reportPath, startDashboardSystem, type DashboardSystem } from './support/dashboard';
import { eventually } from './support/test-system';

describe('escalation and outbound notices in a browser (admin)', () => {
  let dashboard: DashboardSystem;

  beforeAll(async () => {
    dashboard = await startDashboardSystem({ stream: false });
  });
  afterAll(() => dashboard?.stop());

  it('an admin saves the chain as a new version and adds a robot channel whose key is never shown again', async () => {
    const { system } = dashboard;
    const page = await dashboard.signIn('admin', { hash: '#/notify', page: { viewport: { width: 1366, height: 900 } } });
    await page.getByTestId('escalation-policy').waitFor({ timeout: 30_000 });
    const title = await page.getByTestId('escalation-policy').locator('h2').textContent();
    const version = Number(/v(\d+)/.exec(title ?? '')?.[1]);

    await page.getByTestId('policy-save').click();
    await page.getByText(`已保存为 v${version + 1}`).waitFor({ timeout: 10_000 });

    const name = `值班群机器人 ${randomUUID().slice(0, 6)}`;
    const channels = page.getByTestId('notify-channels');
    await channels.getByPlaceholder('名称').fill(name);
    await channels.getByPlaceholder('https://…').fill('http://127.0.0.1:9/robot/send?access_token=made-up-for-the-test');
    await channels.locator('input[type="password"]').fill(`SEC${randomUUID()}`);
    await channels.getByRole('button', { name: '添加通道' }).click();
    const row = channels.locator('tr', { hasText: name });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toContain('已设置');
    expect(await row.textContent()).not.toContain('made-up-for-the-test');
    // Leave nothing that later tests would deliver to.
    await row.locator('input[type="checkbox"]').click();

    const { token } = await system.login('admin');
    const mine = await eventually(async () => {
      const listed = (await (await fetch(`${system.apiUrl}/api/v1/notify-channels`, { headers: { authorization: `Bearer ${token}` } })).json()) as NotifyChannel[];
      return listed.find((c) => c.name === name && !c.enabled);
    }, 10_000, 'the channel, disabled');
    expect(mine).toMatchObject({ kind: 'wecom', hasSecret: true, enabled: false });
    expect(JSON.stringify(mine)).not.toContain('SEC');

    await page.screenshot({ path: reportPath('notify-admin.png'), fullPage: true });
    await page.close();
  });

  it('is not in the navigation of a duty officer', async () => {
    const page = await dashboard.signIn('duty');
    expect(await page.locator('a[href="/notify"]').count()).toBe(0);
    await page.close();
  });
});
