import {
  CASES_INDEX_NAME,
  type AuditPage,
  type Case,
  type CaseClockPolicy,
  type NotifyChannel,
  type NotifyDelivery,
} from '@liaowang/contract';
import { createElasticsearchClient } from '@liaowang/platform';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { callApi } from './support/alert-flow';
import { eventually, startTestSystem, type TestSystem } from './support/test-system';

interface CaseNoticeBody {
  event: string;
  case: { id: string; title: string; grade?: string };
  clock: string;
  dueAt: string;
  lateMinutes: number;
  link?: string;
  title: string;
  markdown: string;
}

/** A webhook receiver on 127.0.0.1 that checks the signature of every request and answers 200. */
async function startReceiver(
  secret: string,
): Promise<{ server: Server; url: string; received: Array<{ body: CaseNoticeBody; signatureOk: boolean }> }> {
  const received: Array<{ body: CaseNoticeBody; signatureOk: boolean }> = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const timestamp = String(request.headers['x-liaowang-timestamp'] ?? '');
      const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${raw}`).digest('hex')}`;
      received.push({
        body: JSON.parse(raw) as CaseNoticeBody,
        signatureOk: request.headers['x-liaowang-signature'] === expected,
      });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}

// R-CASE-4 on the real stack: a missed case deadline escalates through the alerts' notice
// channels, to a real HTTP receiver, recorded in the deliveries index and once in the timeline.
describe('case clock breach escalation', () => {
  const PUBLIC_URL = 'http://dashboard.test';
  let system: TestSystem;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let channel: NotifyChannel;
  const tokens = { duty: '', admin: '' };
  const api = (who: keyof typeof tokens, method: string, path: string, body?: unknown) =>
    callApi(system.apiUrl, tokens[who], method, path, body);
  const get = async (id: string) => (await (await api('duty', 'GET', `/api/v1/cases/${id}`)).json()) as Case;
  const deliveriesOf = async (caseId: string) => {
    const response = await api('admin', 'GET', `/api/v1/notify-deliveries?caseId=${encodeURIComponent(caseId)}`);
    expect(response.status).toBe(200);
    return (await response.json()) as NotifyDelivery[];
  };
  const entries = (kase: Case, type: Case['timeline'][number]['type']) => kase.timeline.filter((e) => e.type === type);

  beforeAll(async () => {
    system = await startTestSystem({
      stream: false,
      settings: { ESCALATION_TICK_SECONDS: '0.5', NOTIFY_ATTEMPTS: '2', PUBLIC_URL },
    });
    tokens.duty = (await system.login('duty')).token;
    tokens.admin = (await system.login('admin')).token;
    const secret = randomBytes(24).toString('hex');
    receiver = await startReceiver(secret);
    const created = await api('admin', 'POST', '/api/v1/notify-channels', {
      name: '案件时限接收端',
      kind: 'webhook',
      url: receiver.url,
      secret,
      escalations: true,
    });
    expect(created.status).toBe(201);
    channel = (await created.json()) as NotifyChannel;
  });

  afterAll(async () => {
    // Later tests on this stack send no notices to a closed port.
    if (channel) await api('admin', 'PUT', `/api/v1/notify-channels/${channel.id}`, { enabled: false });
    receiver?.server.close();
    await system?.stop();
  });

  /** A case graded 较大 whose first-release clock runs out `seconds` after grading (the table goes back at once). */
  async function caseWithShortClock(title: string, seconds: number): Promise<Case> {
    const opened = await api('duty', 'POST', '/api/v1/cases', { title });
    expect(opened.status).toBe(201);
    let kase = (await opened.json()) as Case;
    const moved = await api('duty', 'POST', `/api/v1/cases/${kase.id}/transitions`, {
      to: 'assessment',
      reason: '研判',
      version: kase.version,
    });
    kase = (await moved.json()) as Case;
    const policy = (await (await api('admin', 'GET', '/api/v1/case-clock-policy')).json()) as CaseClockPolicy;
    const saved = await api('admin', 'PUT', '/api/v1/case-clock-policy', {
      grades: { ...policy.grades, III: { ...policy.grades.III, firstRelease: { hours: seconds / 3600 } } },
      version: policy.version,
    });
    expect(saved.status).toBe(200);
    try {
      const graded = await api('duty', 'PUT', `/api/v1/cases/${kase.id}/assessment`, {
        grade: 'III',
        owner: 'leader',
        version: kase.version,
      });
      expect(graded.status).toBe(200);
      return (await graded.json()) as Case;
    } finally {
      const current = (await (await api('admin', 'GET', '/api/v1/case-clock-policy')).json()) as CaseClockPolicy;
      await api('admin', 'PUT', '/api/v1/case-clock-policy', { grades: policy.grades, version: current.version });
    }
  }

  it('sends one signed notice in Chinese to the receiver, records the delivery, and notes breach and notice once in the timeline', async () => {
    const title = `时限通知-${randomUUID().slice(0, 8)}`;
    // A 3-second first-release clock for this case only: the case keeps the row it was graded with.
    const kase = await caseWithShortClock(title, 3);
    expect(entries(kase, 'clock_breached')).toEqual([]);

    const notice = await eventually(
      async () => receiver.received.find((r) => r.body.case?.id === kase.id),
      20_000,
      'the breach notice at the receiver',
    );
    expect(notice.signatureOk).toBe(true);
    expect(notice.body).toMatchObject({
      event: 'case.clock_breached',
      case: { id: kase.id, title, grade: 'III' },
      clock: 'first_release',
      dueAt: kase.clocks.firstReleaseDueAt,
      link: `${PUBLIC_URL}/cases/${encodeURIComponent(kase.id)}`,
    });
    expect(notice.body.title).toBe(`【较大】案件首次权威发布时限已过：${title}`);
    expect(notice.body.markdown).toContain('- 等级：较大（III级）');
    expect(notice.body.markdown).toMatch(/- 应于：\d{4}-\d\d-\d\d \d\d:\d\d:\d\d（北京时间）/);
    expect(notice.body.markdown).toMatch(/- 已超：(不足1分钟|\d+分钟)/);

    const noted = await eventually(
      async () => {
        const c = await get(kase.id);
        return entries(c, 'clock_breach_notified').length > 0 ? c : undefined;
      },
      10_000,
      'the notice noted in the timeline',
    );
    expect(entries(noted, 'clock_breach_notified')[0].detail).toContain(`delivered to ${channel.name}`);

    // Several checks later: still one breach, one notice, one request, one delivery.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const later = await get(kase.id);
    expect(entries(later, 'clock_breached')).toHaveLength(1);
    expect(entries(later, 'clock_breach_notified')).toHaveLength(1);
    expect(later.clocks.breaches).toEqual([
      expect.objectContaining({ clock: 'first_release', dueAt: kase.clocks.firstReleaseDueAt }),
    ]);
    expect(receiver.received.filter((r) => r.body.case?.id === kase.id)).toHaveLength(1);
    const deliveries = await deliveriesOf(kase.id);
    expect(
      deliveries.map((d) => ({
        channelId: d.channelId,
        subject: d.subject,
        clock: d.clock,
        attempt: d.attempt,
        ok: d.ok,
        statusCode: d.statusCode,
      })),
    ).toEqual([
      { channelId: channel.id, subject: 'case_clock', clock: 'first_release', attempt: 1, ok: true, statusCode: 200 },
    ]);
    const audit = await eventually(
      async () => {
        const { records } = (await (
          await api('admin', 'GET', `/api/v1/audit?action=cases.clock.notify&targetId=${kase.id}`)
        ).json()) as AuditPage;
        return records.length > 0 ? records : undefined;
      },
      10_000,
      'the notice audited',
    );
    expect(audit).toHaveLength(1);
  });

  it('sends one notice and notes it once when two API instances check at once', async () => {
    const second = await startTestSystem({
      stream: false,
      settings: { ESCALATION_TICK_SECONDS: '0.5', NOTIFY_ATTEMPTS: '2', PUBLIC_URL },
    });
    try {
      const kase = await caseWithShortClock(`两实例-${randomUUID().slice(0, 8)}`, 2);
      await eventually(
        async () => receiver.received.find((r) => r.body.case?.id === kase.id),
        20_000,
        'the breach notice',
      );
      await eventually(
        async () => (entries(await get(kase.id), 'clock_breach_notified').length > 0 ? true : undefined),
        10_000,
        'the notice noted',
      );
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const later = await get(kase.id);
      expect(entries(later, 'clock_breached')).toHaveLength(1);
      expect(entries(later, 'clock_breach_notified')).toHaveLength(1);
      expect(receiver.received.filter((r) => r.body.case?.id === kase.id)).toHaveLength(1);
      expect((await deliveriesOf(kase.id)).filter((d) => d.ok)).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });

  it('takes over the notice of a breach whose instance stopped before sending it', async () => {
    const es = createElasticsearchClient(system.settings.ES_URL);
    try {
      const opened = await api('duty', 'POST', '/api/v1/cases', { title: `接管-${randomUUID().slice(0, 8)}` });
      const kase = (await opened.json()) as Case;
      // As an instance leaves it when it stops between recording the breach and sending its notice.
      const dueAt = new Date(Date.now() - 10 * 60_000).toISOString();
      const at = new Date(Date.now() - 5 * 60_000).toISOString();
      const breached: Case = {
        ...kase,
        version: kase.version + 1,
        clocks: { breaches: [{ clock: 'first_release', dueAt, at }], noticeClaim: { by: 'a stopped instance', at } },
        timeline: [
          ...kase.timeline,
          { at, by: 'system', type: 'clock_breached', detail: `first_release due ${dueAt}; escalated to （排班无人）` },
        ],
      };
      await es.index({ index: CASES_INDEX_NAME, id: kase.id, document: breached, refresh: true });

      const notice = await eventually(
        async () => receiver.received.find((r) => r.body.case?.id === kase.id),
        20_000,
        'the notice sent by the taker-over',
      );
      expect(notice.body).toMatchObject({ event: 'case.clock_breached', clock: 'first_release', dueAt });
      expect(notice.body.lateMinutes).toBeGreaterThanOrEqual(10);
      const noted = await eventually(
        async () => {
          const c = await get(kase.id);
          return entries(c, 'clock_breach_notified').length > 0 ? c : undefined;
        },
        10_000,
        'the notice noted',
      );
      expect(noted.clocks.noticeClaim).toBeUndefined();
      expect(noted.clocks.breaches).toEqual([
        expect.objectContaining({ clock: 'first_release', dueAt, notifiedAt: expect.any(String) }),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(entries(await get(kase.id), 'clock_breach_notified')).toHaveLength(1);
      expect(receiver.received.filter((r) => r.body.case?.id === kase.id)).toHaveLength(1);
    } finally {
      await es.close();
    }
  });
});
