import type { Alert, AlertRule, Case } from '@liaowang/contract';
import type { Page } from 'playwright-core';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { callApi } from './support/alert-flow';
import { reportPath, startDashboardSystem, type DashboardSystem } from './support/dashboard';
import { eventually, type TestSystem } from './support/test-system';
// A 1×1 PNG: the server checks a file's type by its signature.
const SCREENSHOT = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A time in Beijing as a datetime-local value, `hours` from now. */
function beijingInput(hours: number): string {
  return new Date(Date.now() + hours * 3_600_000 + 8 * 3_600_000).toISOString().slice(0, 16);
}

describe('a case from alert to archive in the browser (R-CASE-1…6, R-UI-3)', () => {
  let dashboard: DashboardSystem;
  let system: TestSystem;

  beforeAll(async () => {
    dashboard = await startDashboardSystem({ settings: { ALERT_RULES_RELOAD_SECONDS: '1' } });
    system = dashboard.system;
  });
  afterAll(() => dashboard?.stop());

  // A page of its own per person: each has its own session in its own browser context.
  const signIn = (username: string, hash: string): Promise<Page> =>
    dashboard.signIn(username, { hash, page: { viewport: { width: 1440, height: 900 }, acceptDownloads: true, locale: 'zh-CN' } });

  const caseState = (page: Page, state: string) => page.locator(`[data-testid="case-state"][data-state="${state}"]`).waitFor({ timeout: 15_000 });

  async function move(page: Page, to: string, reason: string) {
    await page.getByTestId(`move-${to}`).click();
    await page.getByTestId('transition-reason').fill(reason);
    await page.getByTestId('transition-confirm').click();
    await caseState(page, to);
  }

  it('promote, grade 较大, task, statement signed off by the leader and released, agreed line on the alert, closing, archive, report', async () => {
    const marker = `事件${randomUUID().slice(0, 8)}`;
    const { token } = await system.login('duty');
    const created = await callApi(system.apiUrl, token, 'POST', '/api/v1/alert-rules', { name: `事件流程 ${marker}`, severity: 'high', match: { keywords: `${marker} AND 停水` } });
    expect(created.status).toBe(201);
    const rule = (await created.json()) as AlertRule;

    const duty = await signIn('duty', '#/alerts');
    await duty.getByTestId('alert-inbox').waitFor();
    // The rule book reloads within a second or so; post until the evaluator knows the rule.
    const alert = await eventually(
      async () => {
        const posted = await fetch(`${system.intakeUrl}/api/v1/intake/mentions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-intake-key': system.intakeKey },
          body: JSON.stringify({ platform: 'weibo', author: { id: 'u-case', name: '网友' }, text: `紧急扩散：明天全市停水三天 ${marker}`, publishedAt: new Date().toISOString() }),
        });
        expect(posted.status).toBe(202);
        const list = await callApi(system.apiUrl, token, 'GET', `/api/v1/alerts?ruleId=${rule.id}&size=10`);
        return ((await list.json()) as { alerts: Alert[] }).alerts[0];
      },
      60_000,
      'an alert of the new rule',
    );

    // Promote from the inbox with the keyboard: the dashboard opens the new case.
    const row = duty.locator(`[data-testid="alert-row"][data-alert-id="${alert.id}"]`);
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    await duty.keyboard.press('p');
    await duty.waitForURL(/\/cases\/[^/]+$/, { timeout: 15_000 });
    const caseId = decodeURIComponent(new URL(duty.url()).pathname.replace('/cases/', ''));
    await duty.getByTestId('case-page').waitFor();
    await caseState(duty, 'receipt');

    await move(duty, 'assessment', '核实为真实舆情');
    await duty.getByTestId('assess-grade').selectOption('III');
    await duty.getByTestId('assess-owner').fill('leader');
    await duty.getByTestId('assess-save').click();
    await duty.locator('[data-testid="case-grade"][data-grade="III"]').waitFor();
    await expect(duty.getByTestId('case-grade').textContent()).resolves.toBe('较大');
    await duty.locator('[data-testid="case-clock"][data-clock="first_release"]').waitFor();

    await duty.getByTestId('task-title').fill('联系供水公司核实停水信息');
    await duty.getByTestId('task-assignee').fill('responder');
    await duty.getByTestId('task-due').fill(beijingInput(3));
    await duty.getByTestId('task-add').click();
    await duty.locator('[data-testid="case-task"][data-state="open"]').waitFor();

    await move(duty, 'response', '定级完成，进入处置');
    const line = `经核实，本市供水正常，网传“明天全市停水三天”系谣言。${marker}`;
    await duty.getByTestId('statement-kind').selectOption('rebuttal');
    // A first draft with a secrecy marker: the check shows it beside the text.
    await duty.getByTestId('statement-text').fill(`内部通报：${line}`);
    await duty.getByTestId('statement-draft').click();
    await duty.locator('[data-testid="statement-finding"][data-kind="secrecy"]').waitFor({ timeout: 15_000 });
    await duty.getByTestId('statement-edit').click();
    await duty.getByTestId('statement-revise-text').fill(line);
    await duty.getByTestId('statement-revise').click();
    await duty.locator('[data-testid="statement-checks"][data-clean="true"]').waitFor({ timeout: 15_000 });
    await duty.getByTestId('statement-show-diff').click();
    const diff = await duty.getByTestId('statement-diff').textContent();
    expect(diff).toContain(`- 内部通报：${line}`);
    expect(diff).toContain(`+ ${line}`);

    // Evidence: a screenshot, shown with its SHA-256.
    await duty.getByTestId('evidence-file').setInputFiles({ name: '网传截图.png', mimeType: 'image/png', buffer: SCREENSHOT });
    const sha256 = createHash('sha256').update(SCREENSHOT).digest('hex');
    await duty.locator('[data-testid="evidence-sha256"]', { hasText: sha256 }).waitFor({ timeout: 15_000 });
    // Downloaded back byte for byte, under its own name.
    const [evidenceDownload] = await Promise.all([duty.waitForEvent('download'), duty.getByTestId('evidence-download').click()]);
    expect(evidenceDownload.suggestedFilename()).toBe('网传截图.png');
    expect(readFileSync(await evidenceDownload.path()).equals(SCREENSHOT)).toBe(true);
    await duty.screenshot({ path: reportPath('case-page-response.png'), fullPage: true });
    // A 较大 case speaks through the leader in charge: the duty officer is offered no sign-off.
    expect(await duty.getByTestId('statement-sign-off').count()).toBe(0);

    const leader = await signIn('leader', `#/cases/${encodeURIComponent(caseId)}`);
    await leader.getByTestId('case-page').waitFor();
    await leader.locator('[data-testid="statement-sign-off"][data-step="leader_in_charge"]').click();
    await leader.locator('[data-testid="statement"][data-state="signed_off"]').waitFor({ timeout: 15_000 });

    // The leader starts a task while the duty officer, who heard the sign-off live, releases:
    // the leader's copy is stale and says so instead of changing under the form.
    await leader.getByTestId('task-title').fill('准备媒体答问');
    await duty.locator('[data-testid="statement"][data-state="signed_off"]').waitFor({ timeout: 15_000 });
    await duty.getByTestId('statement-release').click();
    await duty.getByTestId('case-agreed-line').waitFor({ timeout: 15_000 });
    expect(await duty.getByTestId('case-agreed-line').textContent()).toContain(line);
    await leader.getByTestId('case-stale').waitFor({ timeout: 15_000 });
    expect(await leader.getByTestId('case-stale').textContent()).toContain('该事件已被他人更新');
    expect(await leader.getByTestId('case-agreed-line').count()).toBe(0);
    await leader.getByTestId('case-reload').click();
    await leader.getByTestId('case-agreed-line').waitFor({ timeout: 15_000 });
    expect(await leader.getByTestId('case-stale').count()).toBe(0);
    // The duty officer's own writes, pushed back while the form was filled, are not "someone else".
    expect(await duty.getByTestId('case-stale').count()).toBe(0);

    // The agreed line shows on the alert the case came from.
    await duty.goto(`${system.apiUrl}/#/alerts`);
    await duty.getByRole('button', { name: '已升级' }).click();
    await duty.locator(`[data-testid="alert-row"][data-alert-id="${alert.id}"]`).click();
    await duty.getByTestId('alert-agreed-line').waitFor({ timeout: 15_000 });
    expect(await duty.getByTestId('alert-agreed-line').textContent()).toContain(line);

    await duty.getByTestId('alert-case-link').click();
    await duty.getByTestId('case-page').waitFor();
    await duty.getByTestId('task-done').click();
    await duty.locator('[data-testid="case-task"][data-state="done"]').waitFor();
    await duty.getByTestId('closing-summary').fill('谣言已澄清，供水公司发布正常供水说明。');
    await duty.getByTestId('closing-outcome').selectOption('rumor_debunked');
    await duty.getByTestId('closing-lessons').fill('停水类谣言应第一时间联系供水公司。');
    await duty.getByTestId('closing-save').click();
    await duty.getByTestId('closing-written').waitFor();
    await move(duty, 'archive', '处置完毕，归档');
    expect(await duty.getByTestId('case-stale').count()).toBe(0);

    const stored = (await (await callApi(system.apiUrl, token, 'GET', `/api/v1/cases/${encodeURIComponent(caseId)}`)).json()) as Case;
    expect(stored).toMatchObject({ state: 'archive', grade: 'III', owner: 'leader', agreedLine: { text: line } });
    expect(stored.tasks.map((task) => task.state)).toEqual(['done']);
    expect(stored.statements[0].signOffs.some((s) => s.by === 'leader' && s.decision === 'approve')).toBe(true);
    expect(stored.source.alertId).toBe(alert.id);

    await duty.screenshot({ path: reportPath('case-page.png'), fullPage: true });

    const [download] = await Promise.all([duty.waitForEvent('download', { timeout: 30_000 }), duty.getByTestId('report-pdf').click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    await duty.goto(`${system.apiUrl}/#/cases`);
    await duty.locator(`[data-testid="case-column-archive"] [data-case-id="${caseId}"]`).waitFor();
    await duty.screenshot({ path: reportPath('case-board.png') });
    // English on the switch, the same board.
    await duty.getByTestId('language-switch').click();
    await duty.getByRole('heading', { name: 'Case board' }).waitFor();
    expect(await duty.getByTestId('case-column-archive').getByRole('heading').textContent()).toMatch(/^Archive/);
    await duty.getByTestId('language-switch').click();
    await duty.getByRole('heading', { name: '事件看板' }).waitFor();
    await leader.close();
    await duty.close();
  });
});
