import type { AlertRule } from '@liaowang/contract';
import { randomUUID } from 'node:crypto';
import { reportPath, startDashboardSystem, type DashboardSystem } from './support/dashboard';

describe('alert rule editor in a browser (R-ALR-1, R-UI-2)', () => {
  let dashboard: DashboardSystem;

  beforeAll(async () => {
    dashboard = await startDashboardSystem({ stream: false });
  });
  afterAll(() => dashboard?.stop());

  const signIn = async (username: string) => {
    const page = await dashboard.signIn(username, { hash: '#/rules' });
    await page.getByTestId('rules-page').waitFor({ timeout: 30_000 });
    return page;
  };

  it('a duty officer backtests a new rule before saving it, and the saved rule is version 1', async () => {
    const name = `编辑器测试 ${randomUUID().slice(0, 8)}`;
    const page = await signIn('duty');
    await page.getByTestId('rule-new').click();
    await page.getByTestId('rule-name').fill(name);
    await page.getByTestId('rule-keywords').fill('停水 AND (');
    // Saving waits for a backtest; a broken query is refused with the field named.
    expect(await page.getByTestId('rule-save').isDisabled()).toBe(true);
    await page.getByTestId('rule-backtest').click();
    await page.getByRole('alert').getByText('match.keywords').waitFor({ timeout: 10_000 });

    await page.getByTestId('rule-keywords').fill('停水 AND 江城');
    await page.getByTestId('rule-backtest').click();
    await page.getByTestId('rule-preview').getByText('近 7 天扫描').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: reportPath('alert-rule-editor.png') });
    await page.getByTestId('rule-save').click();
    await page.getByTestId('rule-row').getByText(name).waitFor({ timeout: 10_000 });

    const { system } = dashboard;
    const { token } = await system.login('duty');
    const rules = (await (await fetch(`${system.apiUrl}/api/v1/alert-rules`, { headers: { authorization: `Bearer ${token}` } })).json()) as AlertRule[];
    expect(rules.find((rule) => rule.name === name)).toMatchObject({ version: 1, match: { keywords: '停水 AND 江城' }, createdBy: 'duty' });
    await page.close();
  });

  it('shows the rules to the wall screen without the controls to change them', async () => {
    const page = await signIn('screen');
    await page.getByTestId('rule-row').first().waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('rule-new').count()).toBe(0);
    await page.close();
  });
});
