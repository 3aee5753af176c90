import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { createApiApp } from '@liaowang/api';
import {
  ESCALATION_TIMERS_INDEX_NAME,
  type Alert,
  type AlertRule,
  type EscalationPolicy,
  type EscalationTimer,
  type LoginResponse,
  type NotifyChannel,
  type NotifyDelivery,
  type Severity,
  type Silence,
} from '@liaowang/contract';
import { createElasticsearchClient } from '@liaowang/platform';
import { createIntakeApp } from '@liaowang/intake';
import { startStream, type StreamRuntime } from '@liaowang/stream';
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { alertsOfRule, callApi, createRule, postMention, uniqueKeyword, waitForAlerts } from './support/alert-flow';
import { eventually, type TestSystem } from './support/test-system';
import { testSettings } from './support/test-settings';

const STEP_1_SECONDS = 3;
const STEP_2_SECONDS = 6;

interface Received {
  body: { event: string; step: number; alert: { id: string } };
  signatureOk: boolean;
  status: number;
}

/** A webhook receiver on 127.0.0.1 that checks the signature and fails the first request of each notice once. */
async function startReceiver(secret: string): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const failedOnce = new Set<string>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const timestamp = String(request.headers['x-liaowang-timestamp'] ?? '');
      const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${raw}`).digest('hex')}`;
      const body = JSON.parse(raw) as Received['body'];
      const key = `${body.alert.id}:${body.step}`;
      const status = failedOnce.has(key) ? 200 : 500;
      failedOnce.add(key);
      received.push({ body, signatureOk: request.headers['x-liaowang-signature'] === expected, status });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}

const escalations = (alert: Alert) => alert.timeline.filter((event) => event.type === 'escalated');

// R-ALR-3 and outbound notices on the real stack: alerts raised the real way (a rule through the
// API, an item through intake, the stream in process); escalation timers fired by the API.
describe('escalation and outbound notices', () => {
  const settings = testSettings({ ALERT_RULES_RELOAD_SECONDS: '1', ESCALATION_TICK_SECONDS: '0.5', NOTIFY_ATTEMPTS: '3' });
  const es = createElasticsearchClient(settings.ES_URL);
  const apis: INestApplication[] = [];
  let stream: StreamRuntime;
  let intake: INestApplication;
  let system: TestSystem;
  let duty: LoginResponse;
  let admin: LoginResponse;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let channel: NotifyChannel;
  let previousPolicy: EscalationPolicy;

  const urlOf = (app: INestApplication) => `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const startApi = async (): Promise<INestApplication> => {
    const app = await createApiApp(settings);
    await app.listen(0, '127.0.0.1');
    apis.push(app);
    system.apiUrl = urlOf(app);
    return app;
  };
  const stopApi = async (app: INestApplication) => {
    apis.splice(apis.indexOf(app), 1);
    await app.close();
  };
  const login = async (username: string): Promise<LoginResponse> => {
    const response = await callApi(system.apiUrl, '', 'POST', '/api/v1/auth/login', { username, password: settings.SEED_PASSWORD });
    if (response.status !== 200) throw new Error(`login ${username}: ${response.status}`);
    return (await response.json()) as LoginResponse;
  };
  const getAlert = async (id: string): Promise<Alert> => (await (await callApi(system.apiUrl, duty.token, 'GET', `/api/v1/alerts/${id}`)).json()) as Alert;
  const deliveriesOf = async (alertId: string): Promise<NotifyDelivery[]> => {
    const response = await callApi(system.apiUrl, admin.token, 'GET', `/api/v1/notify-deliveries?alertId=${encodeURIComponent(alertId)}`);
    expect(response.status).toBe(200);
    return (await response.json()) as NotifyDelivery[];
  };
  const timersOf = async (alertId: string): Promise<EscalationTimer[]> => {
    await es.indices.refresh({ index: ESCALATION_TIMERS_INDEX_NAME });
    const result = await es.search<EscalationTimer>({ index: ESCALATION_TIMERS_INDEX_NAME, query: { term: { alertId } }, size: 20, sort: [{ step: 'asc' }] });
    return result.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : []));
  };
  /** A rule of its own severity level and keyword, and one alert of it raised through intake. */
  const raiseAlert = async (severity: Severity = 'high'): Promise<{ rule: AlertRule; alert: Alert; keyword: string }> => {
    const keyword = uniqueKeyword('升级');
    const rule = await createRule(system, duty.token, { name: `升级${keyword}`, severity, match: { keywords: keyword }, repeatMinutes: 0 });
    await postMention(system, `有人说${keyword}出事了`);
    const [alert] = await waitForAlerts(system, duty.token, rule.id, 1);
    return { rule, alert, keyword };
  };
  const waitForEscalations = (alertId: string, count: number) =>
    eventually(
      async () => {
        const alert = await getAlert(alertId);
        return escalations(alert).length >= count ? alert : undefined;
      },
      30_000,
      `${count} escalation(s) of ${alertId}`,
    );
  const okDeliveries = async (alertId: string, step: number) => (await deliveriesOf(alertId)).filter((d) => d.step === step && d.ok).length;

  beforeAll(async () => {
    stream = await startStream(settings);
    intake = await createIntakeApp(settings);
    await intake.listen(0, '127.0.0.1');
    system = {
      settings,
      apiUrl: '',
      intakeUrl: urlOf(intake),
      intakeKey: settings.INTAKE_API_KEYS[0],
      login,
      stop: async () => undefined,
    };
    await startApi();
    duty = await login('duty');
    admin = await login('admin');
    // Secrets of the test are made at run time.
    const secret = randomBytes(24).toString('hex');
    receiver = await startReceiver(secret);
    const created = await callApi(system.apiUrl, admin.token, 'POST', '/api/v1/notify-channels', {
      name: '测试接收端',
      kind: 'webhook',
      url: receiver.url,
      secret,
      escalations: true,
    });
    expect(created.status).toBe(201);
    channel = (await created.json()) as NotifyChannel;
    previousPolicy = (await (await callApi(system.apiUrl, admin.token, 'GET', '/api/v1/escalation-policy')).json()) as EscalationPolicy;
    const chain = [
      { target: 'duty_officer', afterMinutes: STEP_1_SECONDS / 60, notify: true },
      { target: 'shift_lead', afterMinutes: STEP_2_SECONDS / 60, notify: false },
    ];
    const saved = await callApi(system.apiUrl, admin.token, 'PUT', '/api/v1/escalation-policy', {
      version: previousPolicy.version,
      steps: { low: [], medium: [], high: chain, critical: chain },
    });
    expect(saved.status).toBe(200);
  });

  afterAll(async () => {
    // Later tests on this stack get the policy they had, and no notices to a closed port.
    if (previousPolicy && admin) {
      const current = (await (await callApi(system.apiUrl, admin.token, 'GET', '/api/v1/escalation-policy')).json()) as EscalationPolicy;
      await callApi(system.apiUrl, admin.token, 'PUT', '/api/v1/escalation-policy', { version: current.version, steps: previousPolicy.steps });
      if (channel) await callApi(system.apiUrl, admin.token, 'PUT', `/api/v1/notify-channels/${channel.id}`, { enabled: false });
    }
    for (const app of [...apis]) await app.close().catch(() => undefined);
    await intake?.close();
    await stream?.stop();
    receiver?.server.close();
    await es.close();
  });

  it('never shows a channel secret, and refuses channels and policy to a duty officer', async () => {
    const list = (await (await callApi(system.apiUrl, admin.token, 'GET', '/api/v1/notify-channels')).json()) as Record<string, unknown>[];
    const mine = list.find((c) => c.id === channel.id);
    expect(mine).toMatchObject({ hasSecret: true, url: receiver.url });
    expect(JSON.stringify(list)).not.toMatch(/"secret"/);
    expect((await callApi(system.apiUrl, duty.token, 'GET', '/api/v1/notify-channels')).status).toBe(403);
    expect((await callApi(system.apiUrl, duty.token, 'PUT', '/api/v1/escalation-policy', { steps: {} })).status).toBe(403);
  });

  it('escalates an unacknowledged alert after its time, step by step, with a signed webhook retried once', async () => {
    const { alert } = await raiseAlert('high');
    const escalated = await waitForEscalations(alert.id, 2);
    const [first, second] = escalations(escalated);
    expect(first.detail).toMatch(/^step 1 → duty_officer/);
    expect(second.detail).toMatch(/^step 2 → shift_lead/);
    expect(Date.parse(first.at) - Date.parse(alert.firstAt)).toBeGreaterThanOrEqual(STEP_1_SECONDS * 1000);
    expect(Date.parse(second.at) - Date.parse(alert.firstAt)).toBeGreaterThanOrEqual(STEP_2_SECONDS * 1000);
    // Step 1 notifies: the receiver refused the first attempt, took the second, and both were signed.
    const deliveries = await eventually(async () => {
      const found = await deliveriesOf(alert.id);
      return found.some((d) => d.ok) ? found : undefined;
    }, 20_000, 'a delivery');
    expect(deliveries.filter((d) => d.step === 1).map((d) => [d.attempt, d.ok, d.statusCode]).sort()).toEqual([
      [1, false, 500],
      [2, true, 200],
    ]);
    const atReceiver = receiver.received.filter((r) => r.body.alert.id === alert.id);
    expect(atReceiver.map((r) => [r.body.event, r.body.step, r.status, r.signatureOk])).toEqual([
      ['alert.escalated', 1, 500, true],
      ['alert.escalated', 1, 200, true],
    ]);
    // The timer is marked fired right after the alert took the step.
    const timers = await eventually(async () => {
      const found = await timersOf(alert.id);
      return found.every((t) => t.state === 'fired') ? found : undefined;
    }, 10_000, 'fired timers');
    expect(timers.map((t) => t.id)).toEqual([`${alert.id}:1`, `${alert.id}:2`]);
  });

  it('does not escalate an alert acknowledged in time, and cancels its timers', async () => {
    const { alert } = await raiseAlert('high');
    expect((await callApi(system.apiUrl, duty.token, 'POST', `/api/v1/alerts/${alert.id}/ack`)).status).toBe(200);
    await eventually(async () => {
      const timers = await timersOf(alert.id);
      return timers.length === 2 && timers.every((t) => t.state === 'cancelled') ? timers : undefined;
    }, 30_000, 'cancelled timers');
    await new Promise((resolve) => setTimeout(resolve, (STEP_2_SECONDS + 2) * 1000));
    expect(escalations(await getAlert(alert.id))).toEqual([]);
    expect(await deliveriesOf(alert.id)).toEqual([]);
  });

  it('loses no pending escalation and fires none twice across a restart of the API', async () => {
    const { alert } = await raiseAlert('critical');
    await eventually(async () => ((await timersOf(alert.id)).length === 2 ? true : undefined), 20_000, 'timers planned');
    const [only] = apis;
    await stopApi(only);
    // Both steps fall due while no API runs.
    await new Promise((resolve) => setTimeout(resolve, (STEP_2_SECONDS + 1) * 1000));
    expect((await timersOf(alert.id)).map((t) => t.state)).toEqual(['pending', 'pending']);
    await startApi();
    const escalated = await waitForEscalations(alert.id, 2);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(escalations(await getAlert(alert.id)).map((e) => e.detail?.slice(0, 6))).toEqual(['step 1', 'step 2']);
    expect(escalations(escalated)).toHaveLength(2);
    expect(await okDeliveries(alert.id, 1)).toBe(1);
  });

  it('fires each step once when two API instances run at once', async () => {
    await startApi();
    expect(apis).toHaveLength(2);
    const { alert } = await raiseAlert('high');
    await waitForEscalations(alert.id, 2);
    await eventually(async () => ((await okDeliveries(alert.id, 1)) >= 1 ? true : undefined), 20_000, 'the step 1 notice');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(escalations(await getAlert(alert.id))).toHaveLength(2);
    expect(await okDeliveries(alert.id, 1)).toBe(1);
    expect((await timersOf(alert.id)).map((t) => t.state)).toEqual(['fired', 'fired']);
  });

  it('raises no alert for a silenced rule while the silence lasts, and again once it is lifted', async () => {
    const keyword = uniqueKeyword('静默');
    const rule = await createRule(system, duty.token, { name: `静默${keyword}`, severity: 'low', match: { keywords: keyword }, repeatMinutes: 0 });
    const control = await createRule(system, duty.token, { name: `对照${keyword}`, severity: 'low', match: { keywords: `对照${keyword}` }, repeatMinutes: 0 });
    const created = await callApi(system.apiUrl, duty.token, 'POST', '/api/v1/silences', {
      ruleId: rule.id,
      until: new Date(Date.now() + 10 * 60_000).toISOString(),
      reason: '演练期间',
    });
    expect(created.status).toBe(201);
    const silence = (await created.json()) as Silence;
    expect(silence).toMatchObject({ ruleId: rule.id, createdBy: 'duty', reason: '演练期间' });
    const listed = (await (await callApi(system.apiUrl, duty.token, 'GET', '/api/v1/silences')).json()) as Silence[];
    expect(listed.map((s) => s.id)).toContain(silence.id);
    // The rule book reloads every second.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await postMention(system, `${keyword} 与 对照${keyword}`);
    // The control rule matched the same item, so the silenced rule had its chance too.
    await waitForAlerts(system, duty.token, control.id, 1);
    expect(await alertsOfRule(system.apiUrl, duty.token, rule.id)).toEqual([]);

    const lifted = await callApi(system.apiUrl, duty.token, 'DELETE', `/api/v1/silences/${silence.id}`);
    expect(lifted.status).toBe(200);
    expect(((await lifted.json()) as Silence).liftedBy).toBe('duty');
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await postMention(system, `又见${keyword}`);
    await waitForAlerts(system, duty.token, rule.id, 1);
  });
});
