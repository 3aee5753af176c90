import { CASE_TIMELINE_TYPES, type CaseTimelineEvent } from './case';
import { describeTimelineEvent, type TimelineCaseContext } from './case-timeline-words';

const SHA = 'ab'.repeat(32);
const kase: TimelineCaseContext = {
  tasks: [
    {
      id: 't1',
      title: '联系供水公司',
      assignee: 'responder',
      dueAt: '2026-02-16T02:00:00.000Z',
      state: 'open',
      createdBy: 'duty',
      createdAt: '2026-02-16T01:00:00.000Z',
    },
  ],
  referrals: [
    {
      id: 'r1',
      to: 'cyberspace',
      sent: '请协助处置',
      sentAt: '2026-02-16T01:00:00.000Z',
      sentBy: 'duty',
      reply: '已处置',
      repliedAt: '2026-02-16T03:00:00.000Z',
    },
  ],
  evidence: [
    {
      id: 'e1',
      kind: 'file',
      ref: SHA,
      sha256: SHA,
      name: '截图.png',
      addedBy: 'duty',
      addedAt: '2026-02-16T01:00:00.000Z',
    },
    { id: 'e2', kind: 'url', ref: 'https://weibo.example/1', addedBy: 'duty', addedAt: '2026-02-16T01:00:00.000Z' },
  ],
};
const at = '2026-02-16T01:00:00.000Z';
const to = '值班长 lead1、带班领导 leader1';

// One entry of every type, as the API writes it (see the services' timeline entries).
const ENTRIES: Record<(typeof CASE_TIMELINE_TYPES)[number], CaseTimelineEvent> = {
  opened: { at, by: 'duty', type: 'opened', detail: 'from alert alert-7 (rule 停水谣言 v2, 3 matches)' },
  moved: { at, by: 'duty', type: 'moved', from: 'receipt', to: 'assessment', reason: '核实为真实舆情' },
  reopened: { at, by: 'leader', type: 'reopened', from: 'archive', to: 'assessment', reason: '出现新情况' },
  assessed: { at, by: 'leader', type: 'assessed', from: 'IV', to: 'III', detail: 'owner leader (leader_in_charge)' },
  linked: { at, by: 'duty', type: 'linked', detail: '关联话题' },
  task_added: { at, by: 'duty', type: 'task_added', to: 'responder', detail: 't1: 联系供水公司' },
  task_updated: {
    at,
    by: 'responder',
    type: 'task_updated',
    from: 'open',
    to: 'done',
    detail: 't1: 联系供水公司',
    reason: '已联系',
  },
  referral_sent: { at, by: 'duty', type: 'referral_sent', to: 'business:水务局', detail: 'r1' },
  referral_replied: { at, by: 'duty', type: 'referral_replied', from: 'cyberspace', detail: 'r1' },
  evidence_added: { at, by: 'duty', type: 'evidence_added', detail: `e1: 截图.png sha256 ${SHA}` },
  evidence_removed: {
    at,
    by: 'duty',
    type: 'evidence_removed',
    reason: '链接重复',
    detail: 'e2: url https://weibo.example/1',
  },
  clock_breached: {
    at,
    by: 'system',
    type: 'clock_breached',
    to,
    detail: `first_release due 2026-02-16T02:00:00.000Z; escalated to ${to}`,
  },
  clock_breach_notified: {
    at,
    by: 'system',
    type: 'clock_breach_notified',
    to,
    detail: 'first_release due 2026-02-16T02:00:00.000Z: delivered to 值班群; not delivered to 备用群',
  },
  statement_drafted: {
    at,
    by: 'duty',
    type: 'statement_drafted',
    to: 'important',
    detail: 's1 (rebuttal); tier raised from routine by grade III',
  },
  statement_revised: { at, by: 'duty', type: 'statement_revised', to: 'v2', detail: 's1' },
  statement_submitted: { at, by: 'duty', type: 'statement_submitted', detail: 's1' },
  statement_signed_off: {
    at,
    by: 'leader',
    type: 'statement_signed_off',
    from: 'in_review',
    to: 'signed_off',
    detail: 's1 v2 leader_in_charge: approve',
    reason: '同意发布',
  },
  statement_signoff_refused: { at, by: 'responder', type: 'statement_signoff_refused', detail: 's1' },
  statement_released: { at, by: 'duty', type: 'statement_released', detail: 's1 v2' },
  closing_written: { at, by: 'duty', type: 'closing_written', to: 'rumor_debunked' },
};

const said = (entry: CaseTimelineEvent, language: 'zh-CN' | 'en' = 'zh-CN') => {
  const words = describeTimelineEvent(entry, kase, language);
  return [words.what, words.detail].filter(Boolean).join(' | ');
};

describe('case timeline in words (R-UI-3, R-CASE-6)', () => {
  it.each(CASE_TIMELINE_TYPES)('says %s without machine words, in Chinese and in English', (type) => {
    // Machine text: snake_case names, the recorded English phrases, ISO times.
    const machine = /[a-z]+_[a-z]+|\bdue\b|escalated to|delivered to|\bowner\b|tier raised|\d{4}-\d\d-\d\dT/;
    expect(said(ENTRIES[type])).not.toMatch(machine);
    expect(said(ENTRIES[type], 'en')).not.toMatch(/[a-z]+_[a-z]+|\d{4}-\d\d-\d\dT|值班长|带班领导/);
  });

  it('reads as a Chinese sentence for every kind of entry', () => {
    const lines = Object.fromEntries(CASE_TIMELINE_TYPES.map((type) => [type, said(ENTRIES[type])]));
    expect(lines).toEqual({
      opened: '立案 | 由告警 alert-7 转立（规则「停水谣言」第2版，3条匹配）',
      moved: '转入阶段：接报→研判 | 核实为真实舆情',
      reopened: '重新启用：归档→研判 | 出现新情况',
      assessed: '研判定级 | 由一般（IV级）改为较大（III级）；负责人 leader（分管领导）',
      linked: '关联 | 关联话题',
      task_added: '新增任务 | 「联系供水公司」，承办人 responder，期限 2026-02-16 10:00 北京时间',
      task_updated: '任务更新：进行中→已完成 | 「联系供水公司」；备注：已联系',
      referral_sent: '转送部门 | 转送业务主管部门（水务局）；转送内容：请协助处置',
      referral_replied: '部门回复 | 网信部门；回复：已处置',
      evidence_added: `新增证据 | 文件「截图.png」，SHA-256 ${SHA}`,
      evidence_removed: '撤除证据 | 网址 https://weibo.example/1；原因：链接重复',
      clock_breached:
        '时限超期 | 首次权威发布时限（应于 2026-02-16 10:00 北京时间）已过，上报 值班长 lead1、带班领导 leader1',
      clock_breach_notified:
        '超时已通知 | 首次权威发布超时通知已经「值班群」送达 值班长 lead1、带班领导 leader1；未能送达「备用群」',
      statement_drafted: '起草声明 | 辟谣，重要层级；因定级较大（III级），由一般层级提升',
      statement_revised: '修改声明 | 第2版',
      statement_submitted: '提交审签 | s1',
      statement_signed_off: '审签：审签中→已审签 | 第2版 分管领导审签：同意；备注：同意发布',
      statement_signoff_refused: '审签被拒 | s1',
      statement_released: '发布口径 | 第2版发布为统一口径',
      closing_written: '撰写结案总结 | 处置结果：谣言已澄清',
    });
  });

  it('says it in English under the switch', () => {
    expect(said(ENTRIES.assessed, 'en')).toBe(
      'Graded | regraded from general (IV) to serious (III); owner leader (leader in charge)',
    );
    expect(said(ENTRIES.clock_breached, 'en')).toBe(
      'Clock breached | the first release deadline (2026-02-16 10:00 Beijing time) passed; escalated to shift lead lead1, leader on duty leader1',
    );
  });

  it('shows an entry of an unknown shape as it was recorded', () => {
    expect(describeTimelineEvent({ at, by: 'system', type: 'clock_breached', detail: '旧记录' })).toEqual({
      what: '时限超期',
      detail: '旧记录',
    });
    expect(describeTimelineEvent({ at, by: 'duty', type: 'opened' })).toEqual({ what: '立案' });
  });
});
