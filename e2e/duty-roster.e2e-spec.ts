import type { AuditPage, DutyNow, Handover, HandoverPreview, Problem, RosterView, ShiftInput, UserAccount } from '@liaowang/contract';
import { randomBytes, randomUUID } from 'node:crypto';
import { callApi, createRule, postMention, uniqueKeyword, waitForAlerts } from './support/alert-flow';
import { eventually, startTestSystem, type TestSystem } from './support/test-system';

const HOUR = 3_600_000;
const at = (base: number, hours: number) => new Date(base + hours * HOUR).toISOString();
const toInput = ({ id, startsAt, endsAt, dutyOfficer, shiftLead, leaderOnDuty, note }: RosterView['shifts'][number]): ShiftInput => ({
  id,
  startsAt,
  endsAt,
  dutyOfficer,
  ...(shiftLead ? { shiftLead } : {}),
  ...(leaderOnDuty ? { leaderOnDuty } : {}),
  ...(note ? { note } : {}),
});

// R-ALR-4 on the real stack. "Now" is shared by every test on this Elasticsearch: this test sets
// the shifts around now and puts back what it found there when it ends; no other test depends on
// the roster. Rule breaches are tried in a week of 2031 that nobody else uses.
describe('duty roster, watch and handover on the real stack', () => {
  let system: TestSystem;
  let admin: string;
  let duty: string;
  let incoming: { username: string; token: string };
  // Whole minutes, so the times read back exactly.
  const base = Math.floor(Date.now() / 60_000) * 60_000;
  const range = { from: at(base, -2), to: at(base, 6) };
  let found: RosterView | undefined;

  const rosterOf = async (from: string, to: string): Promise<RosterView> => {
    const response = await callApi(system.apiUrl, admin, 'GET', `/api/v1/roster?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(response.status).toBe(200);
    return (await response.json()) as RosterView;
  };
  // The trail is searched, so a record shows after the index refreshed.
  const auditOf = (query: string, done: (page: AuditPage) => boolean) =>
    eventually(async () => {
      const page = (await (await callApi(system.apiUrl, admin, 'GET', `/api/v1/audit?${query}`)).json()) as AuditPage;
      return done(page) ? page : undefined;
    }, 10_000, `audit ${query}`);
  const put = (token: string, body: unknown) => callApi(system.apiUrl, token, 'PUT', '/api/v1/roster', body);

  beforeAll(async () => {
    system = await startTestSystem({ settings: { ALERT_RULES_RELOAD_SECONDS: '1' } });
    admin = (await system.login('admin')).token;
    duty = (await system.login('duty')).token;
    // The incoming officer: a second duty officer made for this test.
    const username = `t-duty-${randomUUID().slice(0, 8)}`;
    const password = randomBytes(12).toString('base64url');
    const created = await callApi(system.apiUrl, admin, 'POST', '/api/v1/users', { username, displayName: '值班员 陈静', role: 'duty_officer', password });
    expect(created.status).toBe(201);
    const signedIn = await fetch(`${system.apiUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: (await created.json() as UserAccount).username, password }),
    });
    incoming = { username, token: ((await signedIn.json()) as { token: string }).token };
    found = await rosterOf(range.from, range.to);
  });

  afterAll(async () => {
    if (found && system) {
      const current = await rosterOf(range.from, range.to);
      await put(admin, { ...range, version: current.version, shifts: found.shifts.map(toInput) });
    }
    await system?.stop();
  });

  it('names the people on watch now, the next shift, and flags the gaps of the range', async () => {
    const shifts: ShiftInput[] = [
      { startsAt: at(base, -1), endsAt: at(base, 1), dutyOfficer: 'duty', shiftLead: 'leader', leaderOnDuty: 'leader', note: '白班' },
      { startsAt: at(base, 1), endsAt: at(base, 5), dutyOfficer: incoming.username, leaderOnDuty: 'leader' },
    ];
    const saved = await put(admin, { ...range, version: found!.version, shifts });
    expect(saved.status).toBe(200);
    const roster = (await saved.json()) as RosterView;
    expect(roster.version).toBe(found!.version + 1);
    expect(roster.shifts.map((s) => s.dutyOfficer)).toEqual(['duty', incoming.username]);
    // Times come back in Beijing time.
    expect(roster.shifts[0].startsAt).toMatch(/\+08:00$/);
    expect(roster.gaps.map((g) => [Date.parse(g.startsAt), Date.parse(g.endsAt)])).toEqual([
      [base - 2 * HOUR, base - HOUR],
      [base + 5 * HOUR, base + 6 * HOUR],
    ]);
    expect(roster.overlaps).toEqual([]);
    expect(roster.days.length).toBeGreaterThanOrEqual(1);

    const now = (await (await callApi(system.apiUrl, duty, 'GET', '/api/v1/duty/now')).json()) as DutyNow;
    expect(now.gap).toBe(false);
    expect(now.current?.id).toBe(roster.shifts[0].id);
    expect(now.current?.people).toEqual({
      dutyOfficer: { username: 'duty', displayName: '值班员 张伟' },
      shiftLead: { username: 'leader', displayName: '分管领导 王强' },
      leaderOnDuty: { username: 'leader', displayName: '分管领导 王强' },
    });
    expect(now.next?.people.dutyOfficer).toEqual({ username: incoming.username, displayName: '值班员 陈静' });

    // Every role that may see the watch reads it; the change is audited with before and after.
    expect((await callApi(system.apiUrl, (await system.login('screen')).token, 'GET', '/api/v1/duty/now')).status).toBe(200);
    const audit = await auditOf('action=roster.replace&size=1', (page) => page.records[0]?.after?.version === roster.version);
    expect(audit.records[0]).toMatchObject({ actor: { username: 'admin' }, after: { version: roster.version } });
    expect(audit.records[0].before).toMatchObject({ version: found!.version });
  });

  it('answers gap: true when nobody is on watch now', async () => {
    const current = await rosterOf(range.from, range.to);
    const later = [{ startsAt: at(base, 2), endsAt: at(base, 5), dutyOfficer: 'duty' }];
    expect((await put(admin, { ...range, version: current.version, shifts: later })).status).toBe(200);
    const now = (await (await callApi(system.apiUrl, duty, 'GET', '/api/v1/duty/now')).json()) as DutyNow;
    expect(now).toMatchObject({ gap: true, next: { dutyOfficer: 'duty' } });
    expect(now.current).toBeUndefined();
  });

  describe('refusals', () => {
    const future = { from: '2031-03-03T00:00:00+08:00', to: '2031-03-10T00:00:00+08:00' };
    const version = async () => (await rosterOf(future.from, future.to)).version;

    it('refuses overlapping shifts and a shift ending before it starts with 422 naming the rule', async () => {
      const overlapping = await put(admin, {
        ...future,
        version: await version(),
        shifts: [
          { startsAt: '2031-03-03T08:00:00+08:00', endsAt: '2031-03-03T16:00:00+08:00', dutyOfficer: 'duty' },
          { startsAt: '2031-03-03T15:00:00+08:00', endsAt: '2031-03-03T23:00:00+08:00', dutyOfficer: 'duty' },
        ],
      });
      expect(overlapping.status).toBe(422);
      const problem = (await overlapping.json()) as Problem;
      expect(problem.type).toBe('urn:liaowang:problem:roster-overlap');
      expect(problem.errors).toEqual([{ field: 'shifts.1.startsAt', message: 'shifts 0 and 1 overlap' }]);

      const backwards = await put(admin, {
        ...future,
        version: await version(),
        shifts: [{ startsAt: '2031-03-04T16:00:00+08:00', endsAt: '2031-03-04T08:00:00+08:00', dutyOfficer: 'duty' }],
      });
      expect(backwards.status).toBe(422);
      expect(((await backwards.json()) as Problem).errors?.[0].field).toBe('shifts.0.endsAt');
    });

    it('refuses a post held by a role that may not hold it, or by nobody known', async () => {
      const wrongRole = await put(admin, {
        ...future,
        version: await version(),
        shifts: [{ startsAt: '2031-03-05T08:00:00+08:00', endsAt: '2031-03-05T16:00:00+08:00', dutyOfficer: 'duty', leaderOnDuty: 'responder' }],
      });
      expect(wrongRole.status).toBe(422);
      expect(((await wrongRole.json()) as Problem).errors?.[0].field).toBe('shifts.0.leaderOnDuty');
      const unknown = await put(admin, {
        ...future,
        version: await version(),
        shifts: [{ startsAt: '2031-03-05T08:00:00+08:00', endsAt: '2031-03-05T16:00:00+08:00', dutyOfficer: 'nobody-here' }],
      });
      expect(unknown.status).toBe(422);
    });

    it('answers 409 on a stale roster version and 403 to a role other than admin', async () => {
      const stale = await put(admin, { ...future, version: (await version()) - 1, shifts: [] });
      expect(stale.status).toBe(409);
      const forbidden = await put(duty, { ...future, version: await version(), shifts: [] });
      expect(forbidden.status).toBe(403);
    });
  });

  it('stores a handover with the summary of the outgoing shift, confirmed by another officer', async () => {
    const current = await rosterOf(range.from, range.to);
    // The outgoing shift starts now, so the summary holds this test's alert and not the many
    // that earlier test files raised in the same hour on the shared stack.
    const shiftStart = at(Math.floor(Date.now() / 1000) * 1000, 0);
    const shifts: ShiftInput[] = [
      { startsAt: shiftStart, endsAt: at(base, 1), dutyOfficer: 'duty', leaderOnDuty: 'leader' },
      { startsAt: at(base, 1), endsAt: at(base, 5), dutyOfficer: incoming.username },
    ];
    expect((await put(admin, { ...range, version: current.version, shifts })).status).toBe(200);

    // An alert raised the real way during the shift, then acknowledged.
    const keyword = uniqueKeyword('交接');
    const rule = await createRule(system, admin, { name: `交接测试 ${keyword}`, severity: 'high', match: { keywords: keyword } });
    await postMention(system, `网传${keyword}事件，请核实`);
    const [alert] = await waitForAlerts(system, duty, rule.id, 1);
    expect((await callApi(system.apiUrl, duty, 'POST', `/api/v1/alerts/${alert.id}/ack`, {})).status).toBe(200);

    // The officer sees the summary before writing the note.
    const preview = (await (await callApi(system.apiUrl, duty, 'GET', '/api/v1/duty/handovers/preview')).json()) as HandoverPreview;
    expect(preview).toMatchObject({ shift: { dutyOfficer: 'duty' }, incoming: incoming.username });
    expect(preview.summary.alertsByRule).toContainEqual({ ruleId: rule.id, name: rule.name, count: 1 });

    const written = await callApi(system.apiUrl, duty, 'POST', '/api/v1/duty/handovers', { note: '夜间无重大舆情，交接测试告警已确认。' });
    expect(written.status).toBe(201);
    const handover = (await written.json()) as Handover;
    expect(handover).toMatchObject({ state: 'written', writtenBy: 'duty', incoming: incoming.username, shift: { dutyOfficer: 'duty' } });
    expect(handover.summary.alertsByRule).toContainEqual({ ruleId: rule.id, name: rule.name, count: 1 });
    expect(handover.summary.alertsByState.acknowledged).toBeGreaterThanOrEqual(1);
    expect(handover.summary.alertsRaised).toBeGreaterThanOrEqual(1);
    expect(handover.summary.openAlertSamples.map((a) => a.id)).toContain(alert.id);
    expect(handover.summary).toMatchObject({ openCases: [], notableStories: [], unansweredComments: [] });

    // Not by the writer, and not by a role without duty.handover.
    const self = await callApi(system.apiUrl, duty, 'POST', `/api/v1/duty/handovers/${handover.id}/confirm`);
    expect(self.status).toBe(422);
    expect(((await self.json()) as Problem).type).toBe('urn:liaowang:problem:handover-self-confirm');
    expect((await callApi(system.apiUrl, admin, 'POST', `/api/v1/duty/handovers/${handover.id}/confirm`)).status).toBe(403);

    const confirmed = await callApi(system.apiUrl, incoming.token, 'POST', `/api/v1/duty/handovers/${handover.id}/confirm`);
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toMatchObject({ state: 'confirmed', confirmedBy: incoming.username });
    expect((await callApi(system.apiUrl, incoming.token, 'POST', `/api/v1/duty/handovers/${handover.id}/confirm`)).status).toBe(409);

    const list = (await (await callApi(system.apiUrl, duty, 'GET', '/api/v1/duty/handovers?limit=5')).json()) as Handover[];
    expect(list[0]).toMatchObject({ id: handover.id, state: 'confirmed' });
    const trail = await auditOf(`targetId=${encodeURIComponent(handover.id)}`, (page) => page.records.length >= 2);
    expect(trail.records.map((r) => r.action).sort()).toEqual(['duty.handover.confirm', 'duty.handover.create']);
  });
});
