import type { RosterView, ShiftInput } from '@liaowang/contract';
import type { Page } from 'playwright-core';
import { callApi } from './support/alert-flow';
import { reportPath, startDashboardSystem, type DashboardSystem } from './support/dashboard';
import type { TestSystem } from './support/test-system';

const HOUR = 3_600_000;

// R-ALR-4 in the browser: every header names who is on watch, in Chinese first; the roster page
// shows the week with its gaps. The roster around now is set here and put back afterwards.
describe('duty watch in the dashboard', () => {
  let dashboard: DashboardSystem;
  let system: TestSystem;
  let admin: string;
  const base = Math.floor(Date.now() / 60_000) * 60_000;
  const range = { from: new Date(base - 2 * HOUR).toISOString(), to: new Date(base + 3 * HOUR).toISOString() };
  let found: RosterView | undefined;

  const rosterNow = async (): Promise<RosterView> =>
    (await (await callApi(system.apiUrl, admin, 'GET', `/api/v1/roster?from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`)).json()) as RosterView;
  const putRoster = async (shifts: ShiftInput[]) => {
    const response = await callApi(system.apiUrl, admin, 'PUT', '/api/v1/roster', { ...range, version: (await rosterNow()).version, shifts });
    expect(response.status).toBe(200);
  };

  beforeAll(async () => {
    dashboard = await startDashboardSystem({ stream: false });
    system = dashboard.system;
    admin = (await system.login('admin')).token;
    found = await rosterNow();
  });
  afterAll(async () => {
    if (found && system) {
      await putRoster(found.shifts.map(({ id, startsAt, endsAt, dutyOfficer, shiftLead, leaderOnDuty, note }) => ({ id, startsAt, endsAt, dutyOfficer, shiftLead, leaderOnDuty, note })));
    }
    await dashboard?.stop();
  });

  const signIn = (username: string): Promise<Page> => dashboard.signIn(username, { page: { viewport: { width: 1600, height: 900 } } });

  it('shows who is on watch in the header, in Chinese, and the week on the roster page', async () => {
    await putRoster([
      { startsAt: new Date(base - HOUR).toISOString(), endsAt: new Date(base + HOUR).toISOString(), dutyOfficer: 'duty', shiftLead: 'leader', leaderOnDuty: 'leader' },
    ]);
    const page = await signIn('screen');
    const onWatch = page.getByTestId('on-watch');
    await onWatch.getByText('值班：值班员 张伟 · 带班：分管领导 王强 · 值班领导：分管领导 王强').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: reportPath('duty-header.png') });

    // The roster page: the shift of now and the gaps around it, in the week of Beijing time.
    await page.goto(`${system.apiUrl}/#/roster`);
    await page.getByTestId('roster-shift').first().waitFor();
    expect(await page.getByTestId('roster-gap').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('roster-day').count()).toBe(7);
    await page.screenshot({ path: reportPath('duty-roster.png'), fullPage: true });
    // Reading is for every role; editing only for admins.
    expect(await page.getByTestId('roster-edit').count()).toBe(0);
    await page.close();
  });

  it('lets the duty officer write the handover beside the shift summary', async () => {
    const page = await signIn('duty');
    await page.goto(`${system.apiUrl}/#/handover`);
    await page.getByTestId('shift-summary').first().waitFor();
    const note = `交接测试 ${Date.now()}：夜间平稳，无待办。`;
    await page.getByTestId('handover-note').fill(note);
    await page.getByTestId('handover-submit').click();
    await page.getByTestId('handover-message').getByText('交接已提交').waitFor();
    await page.getByTestId('handover').filter({ hasText: note }).waitFor();
    // The writer cannot confirm their own handover: no button for them.
    expect(await page.getByTestId('handover').filter({ hasText: note }).getByTestId('handover-confirm').count()).toBe(0);
    await page.screenshot({ path: reportPath('duty-handover.png'), fullPage: true });
    await page.close();
  });

  it('lets an admin add a shift to the week and save it', async () => {
    const page = await signIn('admin');
    await page.goto(`${system.apiUrl}/#/roster`);
    await page.getByTestId('roster-edit').click();
    await page.getByRole('button', { name: '添加班次' }).click();
    const added = page.getByTestId('roster-draft').last();
    await added.getByLabel('值班员').fill('duty');
    await page.getByTestId('roster-save').click();
    await page.getByTestId('roster-message').getByText('值班表已保存').waitFor();
    expect(await page.getByTestId('roster-shift').count()).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  it('warns in the header when nobody is on watch', async () => {
    await putRoster([]);
    const later = await signIn('duty');
    await later.getByTestId('on-watch').getByText('当前无人值班').waitFor({ timeout: 10_000 });
    expect(await later.getByTestId('on-watch').getAttribute('data-gap')).toBe('true');
    await later.close();
  });
});
