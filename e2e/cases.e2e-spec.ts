import type { AuditPage, Case, CaseClockPolicy, Problem } from '@liaowang/contract';
import { createHash, randomUUID } from 'node:crypto';
import { callApi, createRule, postMention, uniqueKeyword, waitForAlerts } from './support/alert-flow';
import { eventually, startTestSystem, type TestSystem } from './support/test-system';

// R-CASE-1…5 over HTTP on the real stack: moves with optimistic concurrency and named rules,
// grading and clocks, a case from a promoted alert, tasks, referrals, evidence with its SHA-256,
// unlinking with a reason, a clock breach recorded once, and who may do what.
describe('cases over HTTP', () => {
  let system: TestSystem;
  const tokens: Record<'duty' | 'responder' | 'leader' | 'admin' | 'screen', string> = {
    duty: '',
    responder: '',
    leader: '',
    admin: '',
    screen: '',
  };
  const api = (who: keyof typeof tokens, method: string, path: string, body?: unknown) =>
    callApi(system.apiUrl, tokens[who], method, path, body);
  const title = (what: string) => `${what}-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    // The stream only where an alert must be raised (the last test starts it).
    system = await startTestSystem({ stream: false, settings: { ESCALATION_TICK_SECONDS: '0.5' } });
    for (const who of Object.keys(tokens) as (keyof typeof tokens)[]) tokens[who] = (await system.login(who)).token;
  });
  afterAll(() => system?.stop());

  async function open(name: string): Promise<Case> {
    const response = await api('duty', 'POST', '/api/v1/cases', { title: name });
    expect(response.status).toBe(201);
    return (await response.json()) as Case;
  }
  async function write(
    who: keyof typeof tokens,
    method: string,
    path: string,
    body: unknown,
    status = 200,
  ): Promise<Case> {
    const response = await api(who, method, path, body);
    if (response.status !== status) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Case;
  }
  const get = async (id: string) => (await (await api('duty', 'GET', `/api/v1/cases/${id}`)).json()) as Case;

  it('lets one of two simultaneous moves win: the other gets 409 and the case holds one move entry', async () => {
    const kase = await open(title('并发'));
    expect(kase).toMatchObject({ state: 'receipt', version: 1, timeline: [{ type: 'opened', by: 'duty' }] });
    const moves = await Promise.all(
      (['duty', 'responder'] as const).map((who) =>
        api(who, 'POST', `/api/v1/cases/${kase.id}/transitions`, {
          to: 'assessment',
          reason: `${who} 研判`,
          version: 1,
        }),
      ),
    );
    expect(moves.map((r) => r.status).sort()).toEqual([200, 409]);
    const after = await get(kase.id);
    expect(after).toMatchObject({ state: 'assessment', version: 2 });
    expect(after.timeline.filter((e) => e.type === 'moved')).toHaveLength(1);
  });

  it('refuses illegal moves with 422 naming the rule, and a stale version with 409, changing nothing', async () => {
    const kase = await open(title('非法'));
    const skip = await api('duty', 'POST', `/api/v1/cases/${kase.id}/transitions`, {
      to: 'response',
      reason: '跳过',
      version: 1,
    });
    expect(skip.status).toBe(422);
    expect(((await skip.json()) as Problem).detail).toContain('move-not-allowed');
    const assessed = await write('duty', 'POST', `/api/v1/cases/${kase.id}/transitions`, {
      to: 'assessment',
      reason: '研判',
      version: 1,
    });
    const ungraded = await api('duty', 'POST', `/api/v1/cases/${kase.id}/transitions`, {
      to: 'response',
      reason: '处置',
      version: assessed.version,
    });
    expect(ungraded.status).toBe(422);
    expect(((await ungraded.json()) as Problem).detail).toContain('graded-and-owned');
    const unclosed = await api('duty', 'POST', `/api/v1/cases/${kase.id}/transitions`, {
      to: 'archive',
      reason: '归档',
      version: assessed.version,
    });
    expect(((await unclosed.json()) as Problem).detail).toContain('closing-written');
    const stale = await api('duty', 'POST', `/api/v1/cases/${kase.id}/transitions`, {
      to: 'receipt',
      reason: '旧版本',
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(await get(kase.id)).toMatchObject({
      state: 'assessment',
      version: assessed.version,
      timeline: assessed.timeline,
    });
    expect((await api('duty', 'POST', `/api/v1/cases/${kase.id}/transitions`, { to: 'assessment' })).status).toBe(400);
  });

  it('grades a case (owner level and clocks), then carries tasks, referrals and evidence with a file hash; unlinking needs a reason', async () => {
    let kase = await open(title('处置'));
    kase = await write('duty', 'POST', `/api/v1/cases/${kase.id}/transitions`, {
      to: 'assessment',
      reason: '研判',
      version: kase.version,
    });
    kase = await write('leader', 'PUT', `/api/v1/cases/${kase.id}/assessment`, {
      grade: 'III',
      owner: 'leader',
      version: kase.version,
    });
    expect(kase).toMatchObject({ grade: 'III', owner: 'leader', ownerLevel: 'leader_in_charge' });
    expect(Date.parse(kase.clocks.firstReleaseDueAt ?? '') - Date.parse(kase.openedAt)).toBe(5 * 3_600_000);
    expect(Date.parse(kase.clocks.closeDueAt ?? '')).toBeGreaterThan(Date.parse(kase.openedAt) + 5 * 86_400_000);
    kase = await write('duty', 'POST', `/api/v1/cases/${kase.id}/transitions`, {
      to: 'response',
      reason: '启动处置',
      version: kase.version,
    });

    kase = await write(
      'duty',
      'POST',
      `/api/v1/cases/${kase.id}/tasks`,
      {
        title: '核实来源',
        assignee: 'responder',
        dueAt: new Date(Date.now() + 3_600_000).toISOString(),
        version: kase.version,
      },
      201,
    );
    const task = kase.tasks[0];
    expect(task).toMatchObject({ state: 'open', assignee: 'responder' });
    const openTask = await api('duty', 'POST', `/api/v1/cases/${kase.id}/transitions`, {
      to: 'archive',
      reason: '归档',
      version: kase.version,
    });
    expect(((await openTask.json()) as Problem).detail).toContain('no-open-tasks');
    kase = await write('responder', 'PATCH', `/api/v1/cases/${kase.id}/tasks/${task.id}`, {
      state: 'done',
      version: kase.version,
    });
    expect(kase.tasks[0].state).toBe('done');

    kase = await write(
      'duty',
      'POST',
      `/api/v1/cases/${kase.id}/referrals`,
      { to: 'cyberspace', sent: '请协助核查账号', version: kase.version },
      201,
    );
    kase = await write('duty', 'PATCH', `/api/v1/cases/${kase.id}/referrals/${kase.referrals[0].id}`, {
      reply: '已受理',
      version: kase.version,
    });
    expect(kase.referrals[0]).toMatchObject({
      to: 'cyberspace',
      sent: '请协助核查账号',
      reply: '已受理',
      repliedBy: 'duty',
    });

    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from(randomUUID()),
    ]);
    const fakePng = await api('duty', 'POST', `/api/v1/cases/${kase.id}/evidence`, {
      kind: 'file',
      name: 'x.png',
      mediaType: 'image/png',
      contentBase64: Buffer.from('not a png').toString('base64'),
      version: kase.version,
    });
    expect(fakePng.status).toBe(422);
    expect(((await fakePng.json()) as Problem).detail).toContain('file-type-mismatch');
    kase = await write(
      'duty',
      'POST',
      `/api/v1/cases/${kase.id}/evidence`,
      {
        kind: 'file',
        name: '截图.png',
        mediaType: 'image/png',
        contentBase64: png.toString('base64'),
        version: kase.version,
      },
      201,
    );
    const file = kase.evidence.at(-1);
    expect(file).toMatchObject({
      kind: 'file',
      name: '截图.png',
      size: png.length,
      sha256: createHash('sha256').update(png).digest('hex'),
    });
    kase = await write(
      'duty',
      'POST',
      `/api/v1/cases/${kase.id}/evidence`,
      { kind: 'url', ref: 'https://example.org/post/1', version: kase.version },
      201,
    );

    const url = kase.evidence.at(-1);
    expect(
      (await api('duty', 'DELETE', `/api/v1/cases/${kase.id}/evidence/${url?.id}`, { version: kase.version })).status,
    ).toBe(400);
    kase = await write('duty', 'DELETE', `/api/v1/cases/${kase.id}/evidence/${url?.id}`, {
      reason: '链接重复',
      version: kase.version,
    });
    expect(kase.evidence.find((e) => e.id === url?.id)).toMatchObject({
      ref: 'https://example.org/post/1',
      removed: { by: 'duty', reason: '链接重复' },
    });
    expect(kase.timeline.at(-1)).toMatchObject({ type: 'evidence_removed', reason: '链接重复' });
    const types = kase.timeline.map((e) => e.type);
    expect(types).toEqual([
      'opened',
      'moved',
      'assessed',
      'moved',
      'task_added',
      'task_updated',
      'referral_sent',
      'referral_replied',
      'evidence_added',
      'evidence_added',
      'evidence_removed',
    ]);
    expect(kase.version).toBe(types.length);

    const audit = await eventually(
      async () => {
        const { records } = (await (
          await api('admin', 'GET', `/api/v1/audit?action=cases.evidence.unlink&targetId=${kase.id}`)
        ).json()) as AuditPage;
        return records.length > 0 ? records : undefined;
      },
      10_000,
      'unlink audit',
    );
    expect(audit[0]).toMatchObject({ actor: { username: 'duty' }, detail: '链接重复' });
  });

  it('records a missed first-release deadline once, escalated to whoever is on duty, and audits it', async () => {
    const policy = (await (await api('admin', 'GET', '/api/v1/case-clock-policy')).json()) as CaseClockPolicy;
    let kase = await open(title('超时'));
    kase = await write('duty', 'POST', `/api/v1/cases/${kase.id}/transitions`, {
      to: 'assessment',
      reason: '研判',
      version: kase.version,
    });
    // A short clock for this case only: the case keeps the row it was graded with, so the table goes back at once.
    const short = { ...policy.grades.IV, firstRelease: { hours: 0.0005 } };
    const saved = await api('admin', 'PUT', '/api/v1/case-clock-policy', {
      grades: { ...policy.grades, IV: short },
      version: policy.version,
    });
    expect(saved.status).toBe(200);
    try {
      kase = await write('duty', 'PUT', `/api/v1/cases/${kase.id}/assessment`, {
        grade: 'IV',
        owner: 'duty',
        version: kase.version,
      });
    } finally {
      const current = (await (await api('admin', 'GET', '/api/v1/case-clock-policy')).json()) as CaseClockPolicy;
      await api('admin', 'PUT', '/api/v1/case-clock-policy', { grades: policy.grades, version: current.version });
    }
    const breached = await eventually(
      async () => {
        const c = await get(kase.id);
        return c.clocks.breaches.length > 0 ? c : undefined;
      },
      15_000,
      'clock breach',
    );
    expect(breached.clocks.breaches).toEqual([
      expect.objectContaining({ clock: 'first_release', dueAt: kase.clocks.firstReleaseDueAt }),
    ]);
    // Several ticks later it is still recorded once.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const later = await get(kase.id);
    expect(later.timeline.filter((e) => e.type === 'clock_breached')).toEqual([
      expect.objectContaining({ by: 'system', detail: expect.stringContaining('escalated to') }),
    ]);
    const audit = await eventually(
      async () => {
        const { records } = (await (
          await api('admin', 'GET', `/api/v1/audit?action=cases.clock.breach&targetId=${kase.id}`)
        ).json()) as AuditPage;
        return records.length > 0 ? records : undefined;
      },
      10_000,
      'breach audit',
    );
    expect(audit).toHaveLength(1);
  });

  it('keeps the wall screen and the admin out of cases, and a leader out of the clock table', async () => {
    const kase = await open(title('权限'));
    expect((await api('screen', 'GET', '/api/v1/cases')).status).toBe(403);
    expect((await api('screen', 'GET', `/api/v1/cases/${kase.id}`)).status).toBe(403);
    expect((await api('screen', 'POST', '/api/v1/cases', { title: '大屏' })).status).toBe(403);
    expect(
      (
        await api('admin', 'POST', `/api/v1/cases/${kase.id}/transitions`, {
          to: 'assessment',
          reason: 'x',
          version: 1,
        })
      ).status,
    ).toBe(403);
    expect((await api('leader', 'PUT', '/api/v1/case-clock-policy', { grades: {} })).status).toBe(403);
    expect(
      (
        await api('responder', 'POST', `/api/v1/cases/${kase.id}/transitions`, {
          to: 'assessment',
          reason: '研判',
          version: 1,
        })
      ).status,
    ).toBe(200);
    expect((await get(kase.id)).version).toBe(2);
  });
  describe('with the stream', () => {
    let streaming: TestSystem;
    beforeAll(async () => {
      streaming = await startTestSystem({ settings: { ALERT_RULES_RELOAD_SECONDS: '1' } });
    });
    afterAll(() => streaming?.stop());

    it('opens a case from an alert with its items as links and evidence, and promotes the alert naming the case', async () => {
      const keyword = uniqueKeyword('事件');
      const rule = await createRule(streaming, tokens.duty, {
        name: `规则${keyword}`,
        severity: 'high',
        match: { keywords: keyword },
      });
      const itemId = await postMention(streaming, `网传${keyword}相关消息`);
      const [alert] = await waitForAlerts(streaming, tokens.duty, rule.id, 1);
      const kase = await write(
        'duty',
        'POST',
        '/api/v1/cases',
        { title: title('告警转案件'), source: { alertId: alert.id } },
        201,
      );
      expect(kase.source).toMatchObject({ kind: 'alert', alertId: alert.id });
      expect(kase.links.alertIds).toEqual([alert.id]);
      expect(kase.links.itemIds).toContain(itemId);
      expect(kase.evidence.map((e) => `${e.kind}:${e.ref}`)).toEqual(
        expect.arrayContaining([`alert:${alert.id}`, `item:${itemId}`]),
      );
      const promoted = (await (await api('duty', 'GET', `/api/v1/alerts/${alert.id}`)).json()) as {
        state: string;
        timeline: Array<{ type: string; detail?: string }>;
      };
      expect(promoted.state).toBe('promoted');
      expect(promoted.timeline.find((e) => e.type === 'promoted')?.detail).toContain(kase.id);
      const listed = (await (
        await api('leader', 'GET', `/api/v1/cases?q=${encodeURIComponent(kase.title)}`)
      ).json()) as {
        cases: Case[];
      };
      expect(listed.cases.map((c) => c.id)).toContain(kase.id);
    });
  });
});
