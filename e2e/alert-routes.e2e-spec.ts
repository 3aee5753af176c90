import type { Alert, AlertRule, AlertRulePreview, AuditPage, Problem } from '@liaowang/contract';
import { AlertRepository, AlertVersionConflict } from '@liaowang/api';
import { createElasticsearchClient } from '@liaowang/platform';
import { alertsOfRule, callApi, createRule, postMention, uniqueKeyword, waitForAlerts } from './support/alert-flow';
import { eventually, startTestSystem, type TestSystem } from './support/test-system';

// R-ALR-1 and R-ALR-3 over HTTP on the real stack: rules are versioned with optimistic
// concurrency and refused when their query does not parse; the backtest counts; an alert raised
// by the stream is acknowledged, dismissed or promoted by the duty officer only, once.
describe('alert rules and alert handling over HTTP', () => {
  let system: TestSystem;
  const tokens: Record<'duty' | 'responder' | 'admin', string> = { duty: '', responder: '', admin: '' };
  const api = (who: keyof typeof tokens, method: string, path: string, body?: unknown) => callApi(system.apiUrl, tokens[who], method, path, body);

  beforeAll(async () => {
    system = await startTestSystem({ settings: { ALERT_RULES_RELOAD_SECONDS: '1' } });
    for (const who of Object.keys(tokens) as (keyof typeof tokens)[]) tokens[who] = (await system.login(who)).token;
  });
  afterAll(() => system?.stop());

  // The audit trail is searchable after its next refresh.
  const auditOf = (action: string, targetId: string) =>
    eventually(async () => {
      const response = await api('admin', 'GET', `/api/v1/audit?action=${action}&targetId=${encodeURIComponent(targetId)}`);
      const { records } = (await response.json()) as AuditPage;
      return records.length > 0 ? records : undefined;
    }, 10_000, `audit of ${action} ${targetId}`);

  describe('rules', () => {
    it('stores a keyword rule as version 1 and every save as a new version; a stale save is refused and changes nothing', async () => {
      const keyword = uniqueKeyword();
      const created = await api('duty', 'POST', '/api/v1/alert-rules', { name: `规则${keyword}`, severity: 'high', match: { keywords: keyword } });
      expect(created.status).toBe(201);
      const rule = (await created.json()) as AlertRule;
      expect(rule).toMatchObject({ version: 1, enabled: true, repeatMinutes: 30, createdBy: 'duty', match: { keywords: keyword } });

      const input = { name: `规则${keyword}（改）`, severity: 'critical', match: { keywords: `${keyword} OR 停水` }, repeatMinutes: 10 };
      const saved = await api('admin', 'PUT', `/api/v1/alert-rules/${rule.id}`, { ...input, version: 1 });
      expect(saved.status).toBe(200);
      expect(await saved.json()).toMatchObject({ id: rule.id, version: 2, severity: 'critical', createdBy: 'duty', updatedBy: 'admin' });

      // Another editor who also started from version 1.
      const stale = await api('duty', 'PUT', `/api/v1/alert-rules/${rule.id}`, { ...input, name: 'stale', version: 1 });
      expect(stale.status).toBe(409);
      expect(((await stale.json()) as Problem).detail).toContain('version 2');

      const listed = (await (await api('responder', 'GET', '/api/v1/alert-rules')).json()) as AlertRule[];
      expect(listed.find((r) => r.id === rule.id)).toMatchObject({ version: 2, name: input.name });
      const versions = (await (await api('responder', 'GET', `/api/v1/alert-rules/${rule.id}/versions`)).json()) as AlertRule[];
      expect(versions.map((v) => [v.version, v.name])).toEqual([
        [2, input.name],
        [1, `规则${keyword}`],
      ]);

      const [update] = await auditOf('alert-rules.update', rule.id);
      expect(update).toMatchObject({ actor: { username: 'admin' }, before: { version: 1 }, after: { version: 2 } });
      expect(await auditOf('alert-rules.create', rule.id)).toHaveLength(1);
    });

    it('refuses a keyword query that does not parse, naming match.keywords with the position', async () => {
      const response = await api('duty', 'POST', '/api/v1/alert-rules', { name: '坏规则', severity: 'low', match: { keywords: '停水 AND (江城' } });
      expect(response.status).toBe(400);
      const problem = (await response.json()) as Problem;
      expect(problem.errors).toEqual([{ field: 'match.keywords', message: expect.stringMatching(/^at position \d+: .+/) }]);
    });

    it('lets only duty officers and admins edit rules', async () => {
      const response = await api('responder', 'POST', '/api/v1/alert-rules', { name: '越权', severity: 'low', match: { keywords: '停水' } });
      expect(response.status).toBe(403);
      expect((await api('responder', 'GET', '/api/v1/alert-rules/rule-absent/versions')).status).toBe(404);
    });

    it('backtests a rule over the indexed items of the last week, with grouping by its repeat interval', async () => {
      const keyword = uniqueKeyword('回测');
      for (let i = 0; i < 3; i++) await postMention(system, `${keyword} 网传明天全市停水，电话1390000000${i}`);
      const preview = async (repeatMinutes: number) => {
        const response = await api('duty', 'POST', '/api/v1/alert-rules/preview', { name: '回测', severity: 'medium', match: { keywords: keyword }, repeatMinutes });
        expect(response.status).toBe(200);
        return (await response.json()) as AlertRulePreview;
      };
      const ungrouped = await eventually(async () => {
        const result = await preview(0);
        return result.matchedItems === 3 ? result : undefined;
      }, 90_000, 'three indexed matches');
      expect(ungrouped).toMatchObject({ days: 7, alerts: 3, truncated: false });
      expect(ungrouped.itemsScanned).toBeGreaterThanOrEqual(3);
      expect(ungrouped.alertsPer1000Items).toBeGreaterThan(0);
      expect(ungrouped.sample).toHaveLength(3);
      for (const item of ungrouped.sample) {
        expect(item.hits).toEqual([keyword]);
        expect(item.text).not.toMatch(/1390000000\d/);
      }
      expect(await preview(30)).toMatchObject({ matchedItems: 3, alerts: 1 });
      const bad = await api('duty', 'POST', '/api/v1/alert-rules/preview', { name: '坏', severity: 'low', match: { keywords: '"未闭合' } });
      expect(bad.status).toBe(400);
    });
  });

  describe('alerts raised by the stream', () => {
    let alerts: Alert[];
    let rule: AlertRule;

    beforeAll(async () => {
      const keyword = uniqueKeyword('处置');
      rule = await createRule(system, tokens.duty, { name: `处置${keyword}`, severity: 'high', match: { keywords: keyword }, repeatMinutes: 0 });
      for (let i = 0; i < 4; i++) await postMention(system, `${keyword} 第${i}条 网传学校停课`);
      alerts = (await waitForAlerts(system, tokens.duty, rule.id, 4)).reverse();
    });

    const move = (who: keyof typeof tokens, alert: Alert, verb: string, body?: unknown) => api(who, 'POST', `/api/v1/alerts/${alert.id}/${verb}`, body);

    it('lists the rule’s alerts newest first and pages by cursor', async () => {
      const cursors = alerts.map((a) => a.cursor);
      expect([...cursors].sort((a, b) => a - b)).toEqual(cursors);
      const page = await api('responder', 'GET', `/api/v1/alerts?ruleId=${rule.id}&size=2`);
      const first = (await page.json()) as { alerts: Alert[]; nextCursor?: number };
      expect(first.alerts.map((a) => a.cursor)).toEqual([cursors[3], cursors[2]]);
      expect(first.nextCursor).toBe(cursors[2]);
      const next = await api('responder', 'GET', `/api/v1/alerts?ruleId=${rule.id}&size=2&cursor=${first.nextCursor}`);
      expect(((await next.json()) as { alerts: Alert[] }).alerts.map((a) => a.cursor)).toEqual([cursors[1], cursors[0]]);
      expect((await api('responder', 'GET', '/api/v1/alerts?state=open')).status).toBe(400);
    });

    it('acknowledges once: a second ack is refused with 422 naming the table rule, a responder gets 403', async () => {
      const [alert] = alerts;
      expect((await move('responder', alert, 'ack')).status).toBe(403);
      const acked = await move('duty', alert, 'ack');
      expect(acked.status).toBe(200);
      expect(await acked.json()).toMatchObject({ id: alert.id, state: 'acknowledged', ruleVersion: 1 });
      const again = await move('duty', alert, 'ack');
      expect(again.status).toBe(422);
      const problem = (await again.json()) as Problem;
      expect(problem.errors).toEqual([{ field: 'state', message: 'ack is allowed only from new; the alert is acknowledged' }]);
      expect(problem.detail).toContain(rule.name);
      expect(((await (await api('responder', 'GET', `/api/v1/alerts/${alert.id}`)).json()) as Alert).state).toBe('acknowledged');
      const [record] = await auditOf('alerts.ack', alert.id);
      expect(record).toMatchObject({ actor: { username: 'duty' }, before: { state: 'new' }, after: { state: 'acknowledged' } });
    });

    it('dismisses with a reason from the list and keeps the note; a dismissed alert cannot be promoted', async () => {
      const alert = alerts[1];
      expect((await move('duty', alert, 'dismiss', { reason: 'other' })).status).toBe(400);
      expect((await move('duty', alert, 'dismiss', { reason: 'bored' })).status).toBe(400);
      const dismissed = await move('duty', alert, 'dismiss', { reason: 'false_positive', note: '演练通知' });
      expect(dismissed.status).toBe(200);
      const body = (await dismissed.json()) as Alert;
      expect(body).toMatchObject({ state: 'dismissed', dismissReason: 'false_positive' });
      expect(body.timeline.at(-1)).toMatchObject({ type: 'dismissed', by: 'duty', detail: 'false_positive: 演练通知' });
      expect((await move('duty', alert, 'promote')).status).toBe(422);
    });

    it('promotes into a new case, named with the note in the alert timeline', async () => {
      const promoted = await move('duty', alerts[2], 'promote', { note: '转为事件' });
      expect(promoted.status).toBe(200);
      const body = (await promoted.json()) as { state: string; timeline: Array<{ type: string; detail?: string }> };
      expect(body.state).toBe('promoted');
      const entry = body.timeline.find((e) => e.type === 'promoted');
      expect(entry?.detail).toMatch(/^case [0-9a-f-]{36}: 转为事件$/);
      const caseId = entry?.detail?.slice(5, 41) ?? '';
      expect(await (await api('duty', 'GET', `/api/v1/cases/${caseId}`)).json()).toMatchObject({ source: { kind: 'alert', alertId: alerts[2].id } });
      expect((await api('duty', 'POST', '/api/v1/alerts/alert-absent/promote', {})).status).toBe(404);
    });

    it('lets one of several concurrent moves win: the others get 409 (or 422 once it is done), and the alert moved once', async () => {
      const alert = alerts[3];
      const statuses = await Promise.all(
        Array.from({ length: 6 }, (_, i) => move('duty', alert, 'dismiss', { reason: 'duplicate', note: `第${i}次` }).then((r) => r.status)),
      );
      // Which of the others read the alert before the winner wrote it (409) or after (422) is up to
      // the scheduler; the stale write itself is refused deterministically in the next test.
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.every((s) => [200, 409, 422].includes(s))).toBe(true);
      const [stored] = (await alertsOfRule(system.apiUrl, tokens.duty, rule.id)).filter((a) => a.id === alert.id);
      expect(stored.timeline.filter((entry) => entry.type === 'dismissed')).toHaveLength(1);
      expect(await auditOf('alerts.dismiss', alert.id)).toHaveLength(1);
    });

    it('refuses to save a move over a version it did not read (two officers read the alert, both move it)', async () => {
      const repository = new AlertRepository(createElasticsearchClient(system.settings.ES_URL));
      const alert = alerts[0];
      const [first, second] = [await repository.find(alert.id), await repository.find(alert.id)];
      if (!first || !second) throw new Error(`alert ${alert.id} not found`);
      // The first writer stands for a grouped match counted into the alert.
      await repository.replace(first, { ...first.alert, count: first.alert.count + 1 });
      await expect(repository.replace(second, { ...second.alert, state: 'dismissed' })).rejects.toBeInstanceOf(AlertVersionConflict);
      expect((await repository.find(alert.id))?.alert).toMatchObject({ state: first.alert.state, count: first.alert.count + 1 });
    });
  });
});
