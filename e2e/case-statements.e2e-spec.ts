import type {
  AlertDetail,
  AuditPage,
  Case,
  ItemCaseResponse,
  ItemSearchResponse,
  Problem,
  StatementDiff,
  StatementWriteResponse,
} from '@liaowang/contract';
import { describeTimelineEvent } from '@liaowang/contract';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import mammoth from 'mammoth';
import { callApi, createRule, postMention, uniqueKeyword, waitForAlerts } from './support/alert-flow';
import { eventually, startTestSystem, type TestSystem } from './support/test-system';

// R-CASE-3 and R-CASE-6 over HTTP on the real stack: statements drafted with the checks' findings,
// tiered sign-off (003 Art. 18) with refusals audited, release as the agreed line seen on the
// linked alert, the closing, and the case report as PDF (read back with pdftotext) and Word.
describe('case statements, sign-off and report on the real stack', () => {
  let system: TestSystem;
  const tokens: Record<'duty' | 'responder' | 'leader' | 'admin' | 'screen', string> = {
    duty: '',
    responder: '',
    leader: '',
    admin: '',
    screen: '',
  };
  type Who = keyof typeof tokens;
  const api = (who: Who, method: string, route: string, body?: unknown) =>
    callApi(system.apiUrl, tokens[who], method, route, body);
  const title = (what: string) => `${what}-${randomUUID().slice(0, 8)}`;

  async function expectStatus<T>(response: Response, status: number): Promise<T> {
    if (response.status !== status) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
  async function open(name: string, source?: { alertId: string }): Promise<Case> {
    return expectStatus<Case>(
      await api('duty', 'POST', '/api/v1/cases', { title: name, ...(source ? { source } : {}) }),
      201,
    );
  }
  const getCase = async (id: string) => expectStatus<Case>(await api('duty', 'GET', `/api/v1/cases/${id}`), 200);
  async function grade(kase: Case, grade: 'IV' | 'III' | 'II' | 'I'): Promise<Case> {
    const assessed = await expectStatus<Case>(
      await api('duty', 'POST', `/api/v1/cases/${kase.id}/transitions`, {
        to: 'assessment',
        reason: '研判',
        version: kase.version,
      }),
      200,
    );
    return expectStatus<Case>(
      await api('duty', 'PUT', `/api/v1/cases/${kase.id}/assessment`, {
        grade,
        owner: 'leader',
        version: assessed.version,
      }),
      200,
    );
  }
  const draft = async (kase: Case, body: Record<string, unknown>) =>
    expectStatus<StatementWriteResponse>(
      await api('responder', 'POST', `/api/v1/cases/${kase.id}/statements`, { version: kase.version, ...body }),
      201,
    );
  const signOff = (who: Who, kase: Case, sid: string, body: Record<string, unknown> = {}) =>
    api(who, 'POST', `/api/v1/cases/${kase.id}/statements/${sid}/sign-offs`, {
      decision: 'approve',
      version: kase.version,
      ...body,
    });
  // The trail is searched, so a record shows once the index refreshed.
  const auditOf = (query: string, done: (page: AuditPage) => boolean) =>
    eventually(
      async () => {
        const page = (await (await api('admin', 'GET', `/api/v1/audit?${query}`)).json()) as AuditPage;
        return done(page) ? page : undefined;
      },
      10_000,
      `audit ${query}`,
    );

  // The stream only where an alert must be raised: a second API with the pipeline, on the same stack.
  let streaming: TestSystem | undefined;
  async function raiseAlert(
    text: (keyword: string) => string,
  ): Promise<{ keyword: string; alertId: string; itemId: string }> {
    streaming ??= await startTestSystem({ settings: { ALERT_RULES_RELOAD_SECONDS: '1' } });
    const keyword = uniqueKeyword('口径');
    const rule = await createRule(streaming, tokens.duty, {
      name: `规则${keyword}`,
      severity: 'high',
      match: { keywords: keyword },
    });
    const itemId = await postMention(streaming, text(keyword));
    const [alert] = await waitForAlerts(streaming, tokens.duty, rule.id, 1);
    return { keyword, alertId: alert.id, itemId };
  }

  beforeAll(async () => {
    system = await startTestSystem({ stream: false });
    for (const who of Object.keys(tokens) as Who[]) tokens[who] = (await system.login(who)).token;
  });
  afterAll(async () => {
    await streaming?.stop();
    await system?.stop();
  });

  it('drafts with the checks placed in the text, revises, and diffs the versions', async () => {
    const kase = await open(title('声明检查'));
    const text = '关于网传信息的说明\n本件为内部资料，联系人13812345678。';
    const { case: drafted, statement } = await draft(kase, { kind: 'statement', tier: 'routine', text });
    expect(statement).toMatchObject({
      kind: 'statement',
      tier: 'routine',
      state: 'draft',
      versions: [{ n: 1, text, by: 'responder' }],
    });
    const findings = statement.checks!.findings;
    expect(findings.map((f) => [f.kind, f.code, text.slice(f.start, f.end)])).toEqual([
      ['secrecy', '内部资料', '内部资料'],
      ['pii', 'phone', '13812345678'],
    ]);
    // The findings stored with the case do not copy the personal data they warn about.
    expect(findings[1].excerpt).not.toContain('12345678');
    expect(statement.checks!.clean).toBe(false);
    expect(drafted.timeline.at(-1)).toMatchObject({ type: 'statement_drafted', by: 'responder' });

    const revisedText = '关于网传信息的说明\n经核实，网传内容不实。';
    const revised = await expectStatus<StatementWriteResponse>(
      await api('responder', 'PUT', `/api/v1/cases/${kase.id}/statements/${statement.id}`, {
        text: revisedText,
        version: drafted.version,
      }),
      200,
    );
    expect(revised.statement.versions.map((v) => v.n)).toEqual([1, 2]);
    expect(revised.statement.checks).toMatchObject({ versionN: 2, clean: true, findings: [] });
    const diff = await expectStatus<StatementDiff>(
      await api('leader', 'GET', `/api/v1/cases/${kase.id}/statements/${statement.id}/diff?from=1&to=2`),
      200,
    );
    expect(diff).toMatchObject({ from: 1, to: 2, added: 1, removed: 1 });
    expect(diff.parts).toEqual([
      { op: 'same', lines: ['关于网传信息的说明'] },
      { op: 'removed', lines: ['本件为内部资料，联系人13812345678。'] },
      { op: 'added', lines: ['经核实，网传内容不实。'] },
    ]);
    // A stale version changes nothing.
    const stale = await api('responder', 'PUT', `/api/v1/cases/${kase.id}/statements/${statement.id}`, {
      text: '再改',
      version: drafted.version,
    });
    expect(stale.status).toBe(409);
    expect((await getCase(kase.id)).version).toBe(revised.case.version);
  });

  it('walks the routine path: editor, then responsible head by another person; a wrong role is refused and audited', async () => {
    const kase = await open(title('一般声明'));
    let { case: current, statement } = await draft(kase, {
      kind: 'rebuttal',
      tier: 'routine',
      text: '网传我校停课系谣言，请勿轻信。',
    });

    // A leader does not give the editor step: 403, audited as a failure, the case unchanged.
    const refused = await signOff('leader', current, statement.id);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as Problem).detail).toContain('statement-signoff-role');
    expect((await getCase(kase.id)).version).toBe(current.version);
    const trail = await auditOf(`action=statements.signoff&targetId=${kase.id}`, (page) => page.records.length >= 1);
    expect(trail.records[0]).toMatchObject({
      actor: { username: 'leader', role: 'leader' },
      outcome: 'failure',
      target: { type: 'case', id: kase.id },
    });

    // The duty officer edits, then may not also be the responsible head.
    ({ case: current, statement } = await expectStatus<StatementWriteResponse>(
      await signOff('duty', current, statement.id),
      200,
    ));
    expect(statement).toMatchObject({
      state: 'in_review',
      signOffs: [{ by: 'duty', step: 'editor', decision: 'approve', versionN: 1 }],
    });
    const twice = await signOff('duty', current, statement.id);
    expect(twice.status).toBe(422);
    expect(((await twice.json()) as Problem).detail).toContain('statement-same-signer');
    // A responder is no responsible head.
    expect((await signOff('responder', current, statement.id)).status).toBe(403);
    // Releasing before the last step is refused.
    expect(
      (
        await api('duty', 'POST', `/api/v1/cases/${kase.id}/statements/${statement.id}/release`, {
          version: current.version,
        })
      ).status,
    ).toBe(422);

    ({ case: current, statement } = await expectStatus<StatementWriteResponse>(
      await signOff('leader', current, statement.id),
      200,
    ));
    expect(statement.state).toBe('signed_off');
    expect(statement.signOffs.map((s) => [s.by, s.step])).toEqual([
      ['duty', 'editor'],
      ['leader', 'responsible_head'],
    ]);
    const released = await expectStatus<StatementWriteResponse>(
      await api('duty', 'POST', `/api/v1/cases/${kase.id}/statements/${statement.id}/release`, {
        version: current.version,
      }),
      200,
    );
    expect(released.statement.state).toBe('released');
    expect(released.case.agreedLine).toMatchObject({
      statementId: statement.id,
      text: '网传我校停课系谣言，请勿轻信。',
    });
    expect(released.case.timeline.map((e) => e.type).filter((t) => t.startsWith('statement_'))).toEqual([
      'statement_drafted',
      'statement_signed_off',
      'statement_signed_off',
      'statement_released',
    ]);
    await auditOf(`action=statements.release&targetId=${kase.id}`, (page) => page.records[0]?.outcome === 'success');
  });

  it('walks the major path on a 重大 case: the grade raises the tier, only a leader signs, the agreed line shows on the linked alert', async () => {
    const { keyword, alertId, itemId } = await raiseAlert((k) => `网传${k}事件`);
    const kase = await grade(await open(title('重大声明'), { alertId }), 'II');

    let { case: current, statement } = await draft(kase, {
      kind: 'statement',
      tier: 'routine',
      text: `关于${keyword}的情况通报`,
    });
    expect(statement.tier).toBe('major');
    for (const who of ['duty', 'responder'] as const)
      expect((await signOff(who, current, statement.id)).status).toBe(403);
    await auditOf(
      `action=statements.signoff&targetId=${kase.id}`,
      (page) => page.records.filter((r) => r.outcome === 'failure').length >= 2,
    );

    // A rejection sends it back; a new version is signed off by the principal leader.
    ({ case: current, statement } = await expectStatus<StatementWriteResponse>(
      await signOff('leader', current, statement.id, { decision: 'reject', note: '请补充处置进展' }),
      200,
    ));
    expect(statement.state).toBe('draft');
    ({ case: current, statement } = await expectStatus<StatementWriteResponse>(
      await api('responder', 'PUT', `/api/v1/cases/${kase.id}/statements/${statement.id}`, {
        text: `关于${keyword}的情况通报：已妥善处置`,
        version: current.version,
      }),
      200,
    ));
    ({ case: current, statement } = await expectStatus<StatementWriteResponse>(
      await signOff('leader', current, statement.id),
      200,
    ));
    expect(statement.state).toBe('signed_off');
    expect(statement.signOffs.at(-1)).toMatchObject({ by: 'leader', step: 'principal_leader', versionN: 2 });
    // A responder may not release it (route action), the duty officer may.
    expect(
      (
        await api('responder', 'POST', `/api/v1/cases/${kase.id}/statements/${statement.id}/release`, {
          version: current.version,
        })
      ).status,
    ).toBe(403);
    await expectStatus(
      await api('duty', 'POST', `/api/v1/cases/${kase.id}/statements/${statement.id}/release`, {
        version: current.version,
      }),
      200,
    );

    // 统一口径 on the alert, for every role that reads alerts, the wall screen included.
    const detail = await expectStatus<AlertDetail>(await api('screen', 'GET', `/api/v1/alerts/${alertId}`), 200);
    expect(detail.case).toMatchObject({
      id: kase.id,
      agreedLine: { statementId: statement.id, text: `关于${keyword}的情况通报：已妥善处置` },
    });
    // …and beside the linked item.
    const item = await expectStatus<ItemCaseResponse>(
      await api('screen', 'GET', `/api/v1/items/${encodeURIComponent(itemId)}/case`),
      200,
    );
    expect(item.case).toMatchObject({ id: kase.id, agreedLine: { statementId: statement.id } });
  });

  it('writes the closing and exports the report as PDF and Word in Chinese', async () => {
    const { keyword, alertId } = await raiseAlert((k) => `网传${k}，联系13912345678`);
    // The chart counts the linked item once the indexer has it (the alert may come first).
    await eventually(
      async () => {
        const found = (await (
          await api('duty', 'GET', `/api/v1/items?q=${encodeURIComponent(keyword)}`)
        ).json()) as ItemSearchResponse;
        return found.items.length > 0 ? found : undefined;
      },
      30_000,
      'the linked item indexed',
    );
    let kase = await grade(await open(title('报告案件'), { alertId }), 'III');
    kase = await expectStatus<Case>(
      await api('duty', 'PUT', `/api/v1/cases/${kase.id}/closing`, {
        summary: '经核实系谣言，已发布辟谣。',
        outcome: 'rumor_debunked',
        lessons: '及时发布',
        version: kase.version,
      }),
      200,
    );
    expect(kase.closing).toMatchObject({
      summary: '经核实系谣言，已发布辟谣。',
      outcome: 'rumor_debunked',
      by: 'duty',
    });
    expect(kase.timeline.at(-1)).toMatchObject({ type: 'closing_written' });

    const pdf = await api('leader', 'GET', `/api/v1/cases/${kase.id}/report.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    const dir = mkdtempSync(path.join(tmpdir(), 'case-report-'));
    try {
      const file = path.join(dir, 'report.pdf');
      writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain(kase.title);
      expect(text).toContain('较大（III级）');
      // Every timeline entry, by its Chinese name and Beijing time.
      for (const label of ['立案', '转入阶段：接报→研判', '研判定级', '撰写结案总结']) expect(text).toContain(label);
      // …each in the words the case page uses.
      for (const entry of kase.timeline) expect(text).toContain(describeTimelineEvent(entry, kase).what);
      for (const entry of kase.timeline)
        expect(text).toContain(
          new Date(Date.parse(entry.at) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' '),
        );
      expect(text).toContain('经核实系谣言');
      expect(text).toContain('关联信息量（每小时条数，共1条）');
      // Masked text only: the phone number of the linked item does not leave the system.
      expect(text).not.toContain('13912345678');
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
      expect(fonts).toMatch(/CJK.*yes\s+yes/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    const docx = await api('responder', 'GET', `/api/v1/cases/${kase.id}/report.docx`);
    expect(docx.status).toBe(200);
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) });
    expect(value).toContain(kase.title);
    expect(value).toContain('较大（III级）');
    expect(value).toContain('撰写结案总结');
    // Every timeline entry said in words, with its particulars, and no machine text left.
    for (const entry of kase.timeline) {
      const words = describeTimelineEvent(entry, kase);
      expect(value).toContain(words.what);
      if (words.detail) expect(value).toContain(words.detail);
    }
    expect(value).not.toMatch(/leader_in_charge|rumor_debunked|owner \w+ \(|from alert /);
    await auditOf(`action=cases.report.export&targetId=${kase.id}`, (page) => page.records.length >= 2);

    // An unknown case is 404; the wall screen may not read cases.
    expect((await api('leader', 'GET', '/api/v1/cases/no-such-case/report.pdf')).status).toBe(404);
    expect((await api('screen', 'GET', `/api/v1/cases/${kase.id}/report.docx`)).status).toBe(403);
  });
});
