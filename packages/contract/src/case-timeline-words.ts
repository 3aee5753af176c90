import {
  OWNER_LEVEL_NAMES,
  REFERRAL_TARGET_NAMES,
  type Case,
  type CaseTimelineEvent,
  type CaseTimelineType,
} from './case';
import { SIGN_OFF_STEP_NAMES, STATEMENT_TIER_NAMES } from './statement-api';

// R-UI-3, R-CASE-6: a case timeline entry in words, in Chinese (and English under the dashboard's
// switch). The entry keeps its machine text (`detail`) as recorded; this is how the case page and
// the case report both say it, so one wording serves both. Older entries whose detail is not in
// a known shape are shown as they were recorded.

export type TimelineLanguage = 'zh-CN' | 'en';

export interface TimelineWords {
  /** What happened, e.g. `阶段变更：接报 → 研判`. */
  what: string;
  /** The particulars in a sentence, e.g. `负责人 leader（分管领导）`; absent when there are none. */
  detail?: string;
}

/** The parts of the case an entry refers to by id (tasks, referrals, evidence, statements). */
export type TimelineCaseContext = Partial<Pick<Case, 'tasks' | 'referrals' | 'evidence' | 'statements'>>;

type Names = Record<string, string>;
interface Vocabulary {
  types: Record<CaseTimelineType, string>;
  states: Names;
  grades: Names;
  ownerLevels: Names;
  taskStates: Names;
  statementStates: Names;
  statementKinds: Names;
  tiers: Names;
  steps: Names;
  decisions: Names;
  referralTargets: Names;
  clocks: Names;
  outcomes: Names;
  evidenceKinds: Names;
  sentences: {
    move(from: string, to: string): string;
    opened(alertId: string, rule: string, version: string, count: string): string;
    ownerIs(owner: string, level: string): string;
    gradeSet(grade: string): string;
    gradeChanged(from: string, to: string): string;
    task(title: string, assignee?: string, due?: string): string;
    note(text: string): string;
    reason(text: string): string;
    referralTo(target: string): string;
    referralSent(text: string): string;
    reply(text: string): string;
    file(name: string, sha256: string): string;
    link(kind: string, ref: string): string;
    breach(clock: string, dueAt: string, to?: string): string;
    notified(clock: string, channels: string, to?: string): string;
    notDelivered(channels: string): string;
    noChannel(clock: string): string;
    drafted(kind: string, tier: string): string;
    tierRaised(from: string, grade: string): string;
    version(n: string): string;
    signedOff(version: string, step: string, decision: string): string;
    released(version: string): string;
    outcome(outcome: string): string;
    list: string;
    clause: string;
    none: string;
  };
}

const ZH: Vocabulary = {
  types: {
    opened: '立案',
    moved: '转入阶段',
    reopened: '重新启用',
    assessed: '研判定级',
    linked: '关联',
    task_added: '新增任务',
    task_updated: '任务更新',
    referral_sent: '转送部门',
    referral_replied: '部门回复',
    evidence_added: '新增证据',
    evidence_removed: '撤除证据',
    clock_breached: '时限超期',
    clock_breach_notified: '超时已通知',
    statement_drafted: '起草声明',
    statement_revised: '修改声明',
    statement_submitted: '提交审签',
    statement_signed_off: '审签',
    statement_signoff_refused: '审签被拒',
    statement_released: '发布口径',
    closing_written: '撰写结案总结',
  },
  states: { receipt: '接报', assessment: '研判', response: '处置', archive: '归档' },
  grades: { IV: '一般（IV级）', III: '较大（III级）', II: '重大（II级）', I: '特别重大（I级）' },
  ownerLevels: OWNER_LEVEL_NAMES,
  taskStates: { open: '进行中', done: '已完成', cancelled: '已取消' },
  statementStates: { draft: '草稿', in_review: '审签中', signed_off: '已审签', released: '已发布' },
  statementKinds: { statement: '声明', rebuttal: '辟谣' },
  tiers: STATEMENT_TIER_NAMES,
  steps: SIGN_OFF_STEP_NAMES,
  decisions: { approve: '同意', reject: '退回' },
  referralTargets: REFERRAL_TARGET_NAMES,
  clocks: { first_release: '首次权威发布', update: '动态更新', close: '结案' },
  outcomes: {
    resolved: '已处置',
    rumor_debunked: '谣言已澄清',
    referred: '已转办',
    no_action: '无需处置',
    other: '其他',
  },
  evidenceKinds: { item: '信息', alert: '告警', story: '话题', url: '网址', file: '文件' },
  sentences: {
    move: (from, to) => `${from}→${to}`,
    opened: (alertId, rule, version, count) =>
      `由告警 ${alertId} 转立（规则「${rule}」第${version}版，${count}条匹配）`,
    ownerIs: (owner, level) => `负责人 ${owner}（${level}）`,
    gradeSet: (grade) => `定为${grade}`,
    gradeChanged: (from, to) => `由${from}改为${to}`,
    task: (title, assignee, due) =>
      `「${title}」${assignee ? `，承办人 ${assignee}` : ''}${due ? `，期限 ${due}` : ''}`,
    note: (text) => `备注：${text}`,
    reason: (text) => `原因：${text}`,
    referralTo: (target) => `转送${target}`,
    referralSent: (text) => `转送内容：${text}`,
    reply: (text) => `回复：${text}`,
    file: (name, sha256) => `文件「${name}」，SHA-256 ${sha256}`,
    link: (kind, ref) => `${kind} ${ref}`,
    breach: (clock, dueAt, to) => `${clock}时限（应于 ${dueAt}）已过${to ? `，上报 ${to}` : ''}`,
    notified: (clock, channels, to) => `${clock}超时通知已经「${channels}」送达${to ? ` ${to}` : ''}`,
    notDelivered: (channels) => `未能送达「${channels}」`,
    noChannel: (clock) => `${clock}超时：没有接收升级通知的渠道，未发出站外通知`,
    drafted: (kind, tier) => `${kind}，${tier}层级`,
    tierRaised: (from, grade) => `因定级${grade}，由${from}层级提升`,
    version: (n) => `第${n}版`,
    signedOff: (version, step, decision) => `第${version}版 ${step}：${decision}`,
    released: (version) => `第${version}版发布为统一口径`,
    outcome: (outcome) => `处置结果：${outcome}`,
    list: '、',
    clause: '；',
    none: '排班无人',
  },
};

const EN: Vocabulary = {
  types: {
    opened: 'Opened',
    moved: 'Stage changed',
    reopened: 'Reopened',
    assessed: 'Graded',
    linked: 'Linked',
    task_added: 'Task added',
    task_updated: 'Task updated',
    referral_sent: 'Referred',
    referral_replied: 'Department replied',
    evidence_added: 'Evidence added',
    evidence_removed: 'Evidence unlinked',
    clock_breached: 'Clock breached',
    clock_breach_notified: 'Breach notice sent',
    statement_drafted: 'Statement drafted',
    statement_revised: 'Statement revised',
    statement_submitted: 'Submitted for sign-off',
    statement_signed_off: 'Sign-off',
    statement_signoff_refused: 'Sign-off refused',
    statement_released: 'Agreed line released',
    closing_written: 'Closing written',
  },
  states: { receipt: 'Receipt', assessment: 'Assessment', response: 'Response', archive: 'Archive' },
  grades: { IV: 'general (IV)', III: 'serious (III)', II: 'major (II)', I: 'especially major (I)' },
  ownerLevels: {
    section_head: 'section head',
    leader_in_charge: 'leader in charge',
    principal_leader: 'principal leader',
  },
  taskStates: { open: 'open', done: 'done', cancelled: 'cancelled' },
  statementStates: { draft: 'draft', in_review: 'in review', signed_off: 'signed off', released: 'released' },
  statementKinds: { statement: 'Statement', rebuttal: 'Rumor rebuttal' },
  tiers: { routine: 'routine', important: 'important', major: 'major or sensitive' },
  steps: {
    editor: 'editor',
    responsible_head: 'responsible head',
    leader_in_charge: 'leader in charge',
    principal_leader: 'principal leader',
  },
  decisions: { approve: 'approved', reject: 'sent back' },
  referralTargets: {
    publicity: 'publicity department',
    cyberspace: 'cyberspace office',
    police: 'police',
    business: 'business department',
  },
  clocks: { first_release: 'first release', update: 'update', close: 'close' },
  outcomes: {
    resolved: 'resolved',
    rumor_debunked: 'rumor debunked',
    referred: 'referred',
    no_action: 'no action',
    other: 'other',
  },
  evidenceKinds: { item: 'item', alert: 'alert', story: 'story', url: 'URL', file: 'file' },
  sentences: {
    move: (from, to) => `${from} → ${to}`,
    opened: (alertId, rule, version, count) =>
      `from alert ${alertId} (rule “${rule}” version ${version}, ${count} matches)`,
    ownerIs: (owner, level) => `owner ${owner} (${level})`,
    gradeSet: (grade) => `graded ${grade}`,
    gradeChanged: (from, to) => `regraded from ${from} to ${to}`,
    task: (title, assignee, due) =>
      `“${title}”${assignee ? `, assigned to ${assignee}` : ''}${due ? `, due ${due}` : ''}`,
    note: (text) => `note: ${text}`,
    reason: (text) => `reason: ${text}`,
    referralTo: (target) => `to the ${target}`,
    referralSent: (text) => `sent: ${text}`,
    reply: (text) => `reply: ${text}`,
    file: (name, sha256) => `file “${name}”, SHA-256 ${sha256}`,
    link: (kind, ref) => `${kind} ${ref}`,
    breach: (clock, dueAt, to) => `the ${clock} deadline (${dueAt}) passed${to ? `; escalated to ${to}` : ''}`,
    notified: (clock, channels, to) => `${clock} breach notice delivered through “${channels}”${to ? ` to ${to}` : ''}`,
    notDelivered: (channels) => `not delivered through “${channels}”`,
    noChannel: (clock) => `${clock} breach: no channel takes escalation notices, nothing was sent outside`,
    drafted: (kind, tier) => `${kind}, ${tier} tier`,
    tierRaised: (from, grade) => `tier raised from ${from} because the case is ${grade}`,
    version: (n) => `version ${n}`,
    signedOff: (version, step, decision) => `version ${version}, ${step}: ${decision}`,
    released: (version) => `version ${version} released as the agreed line`,
    outcome: (outcome) => `outcome: ${outcome}`,
    list: ', ',
    clause: '; ',
    none: 'nobody on the roster',
  },
};

const VOCABULARY: Record<TimelineLanguage, Vocabulary> = { 'zh-CN': ZH, en: EN };

/** `2026-02-16 10:00` in Beijing time (with the zone's name in English). */
function beijing(iso: string, language: TimelineLanguage): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const text = new Date(t + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  return language === 'en' ? `${text} Beijing time` : `${text} 北京时间`;
}

const name = (names: Names, value: string | undefined): string => (value === undefined ? '' : (names[value] ?? value));

/** The people a breach went to, recorded as `值班长 lead1、带班领导 leader1` or `（排班无人）`. */
function recipients(to: string | undefined, words: Vocabulary, language: TimelineLanguage): string | undefined {
  if (!to) return undefined;
  if (to === '（排班无人）') return words.sentences.none;
  if (language === 'zh-CN') return to;
  return to
    .replace(/值班长/g, 'shift lead')
    .replace(/带班领导/g, 'leader on duty')
    .replace(/、/g, ', ');
}

/** The id an entry starts its detail with (`<id>: …` or `<id> …`). */
const leadingId = (detail: string | undefined): string | undefined => detail?.match(/^([^\s:]+)/)?.[1];

function joined(words: Vocabulary, parts: Array<string | undefined>): string | undefined {
  const kept = parts.filter((p): p is string => Boolean(p));
  return kept.length > 0 ? kept.join(words.sentences.clause) : undefined;
}

/** An entry in words; `kase` lends the titles and texts the entry names by id. */
export function describeTimelineEvent(
  event: CaseTimelineEvent,
  kase: TimelineCaseContext = {},
  language: TimelineLanguage = 'zh-CN',
): TimelineWords {
  const words = VOCABULARY[language];
  const s = words.sentences;
  const what = words.types[event.type] ?? event.type;
  const reason = event.reason ? s.reason(event.reason) : undefined;
  const done = (whatText: string, ...parts: Array<string | undefined>): TimelineWords => {
    const detail = joined(words, parts);
    return detail ? { what: whatText, detail } : { what: whatText };
  };
  switch (event.type) {
    case 'opened': {
      const m = event.detail?.match(/^from alert (\S+) \(rule (.*) v(\d+), (\d+) matches\)$/);
      return done(what, m ? s.opened(m[1], m[2], m[3], m[4]) : event.detail);
    }
    case 'moved':
    case 'reopened': {
      const move =
        event.from && event.to ? `：${s.move(name(words.states, event.from), name(words.states, event.to))}` : '';
      return done(`${what}${language === 'en' ? move.replace('：', ': ') : move}`, event.reason ?? event.detail);
    }
    case 'assessed': {
      const grade = event.from
        ? s.gradeChanged(name(words.grades, event.from), name(words.grades, event.to))
        : s.gradeSet(name(words.grades, event.to));
      const m = event.detail?.match(/^owner (\S+) \((\w+)\)$/);
      return done(what, grade, m ? s.ownerIs(m[1], name(words.ownerLevels, m[2])) : event.detail);
    }
    case 'task_added':
    case 'task_updated': {
      const id = leadingId(event.detail);
      const task = kase.tasks?.find((t) => t.id === id);
      const title = task?.title ?? event.detail?.replace(/^[^:]+:\s*/, '') ?? '';
      const move =
        event.type === 'task_updated' && event.from && event.to
          ? `${language === 'en' ? ': ' : '：'}${s.move(name(words.taskStates, event.from), name(words.taskStates, event.to))}`
          : '';
      const due = event.type === 'task_added' && task ? beijing(task.dueAt, language) : undefined;
      const assignee = event.type === 'task_added' ? (event.to ?? task?.assignee) : undefined;
      return done(`${what}${move}`, s.task(title, assignee, due), event.reason ? s.note(event.reason) : undefined);
    }
    case 'referral_sent': {
      const [target, department] = (event.to ?? '').split(/:(.*)/s);
      const referral = kase.referrals?.find((r) => r.id === event.detail);
      const to = `${name(words.referralTargets, target)}${department ? (language === 'en' ? ` (${department})` : `（${department}）`) : ''}`;
      return done(what, s.referralTo(to), referral ? s.referralSent(referral.sent) : undefined);
    }
    case 'referral_replied': {
      const referral = kase.referrals?.find((r) => r.id === event.detail);
      const target = name(words.referralTargets, event.from ?? referral?.to);
      return done(what, target, referral?.reply ? s.reply(referral.reply) : undefined);
    }
    case 'evidence_added':
    case 'evidence_removed': {
      const id = leadingId(event.detail);
      const evidence = kase.evidence?.find((e) => e.id === id);
      let said: string | undefined;
      if (evidence?.kind === 'file') said = s.file(evidence.name ?? '', evidence.sha256 ?? evidence.ref);
      else if (evidence) said = s.link(name(words.evidenceKinds, evidence.kind), evidence.ref);
      else {
        const file = event.detail?.match(/^[^:]+: (.*) sha256 ([0-9a-f]{64})$/);
        const link = event.detail?.match(/^[^:]+: (item|alert|story|url|file) (.*)$/);
        said = file
          ? s.file(file[1], file[2])
          : link
            ? s.link(name(words.evidenceKinds, link[1]), link[2])
            : event.detail;
      }
      return done(what, said, reason);
    }
    case 'clock_breached': {
      const m = event.detail?.match(/^(\w+) due (\S+?)(?:;|$)/);
      if (!m) return done(what, event.detail);
      return done(
        what,
        s.breach(name(words.clocks, m[1]), beijing(m[2], language), recipients(event.to, words, language)),
      );
    }
    case 'clock_breach_notified': {
      const m = event.detail?.match(/^(\w+) due \S+: (.*)$/);
      if (!m) return done(what, event.detail);
      const clock = name(words.clocks, m[1]);
      if (m[2].startsWith('no notify channel')) return done(what, s.noChannel(clock));
      const delivered = m[2].match(/^delivered to (.*?)(?:; not delivered to (.*))?$/);
      if (!delivered) return done(what, event.detail);
      const sent = delivered[1] === 'none' ? undefined : delivered[1].split(', ').join(s.list);
      return done(
        what,
        sent ? s.notified(clock, sent, recipients(event.to, words, language)) : undefined,
        delivered[2] ? s.notDelivered(delivered[2].split(', ').join(s.list)) : undefined,
      );
    }
    case 'statement_drafted': {
      const m = event.detail?.match(/^(\S+) \((\w+)\)(?:; tier raised from (\w+) by grade (\w+))?$/);
      if (!m) return done(what, event.detail);
      const kind = name(words.statementKinds, m[2]);
      return done(
        what,
        s.drafted(kind, name(words.tiers, event.to)),
        m[3] ? s.tierRaised(name(words.tiers, m[3]), name(words.grades, m[4])) : undefined,
      );
    }
    case 'statement_revised': {
      const n = event.to?.replace(/^v/, '');
      return done(what, n ? s.version(n) : event.detail, reason);
    }
    case 'statement_signed_off': {
      const m = event.detail?.match(/^\S+ v(\d+) (\w+): (\w+)$/);
      const move =
        event.from && event.to && event.from !== event.to
          ? `${language === 'en' ? ': ' : '：'}${s.move(name(words.statementStates, event.from), name(words.statementStates, event.to))}`
          : '';
      return done(
        `${what}${move}`,
        m ? s.signedOff(m[1], name(words.steps, m[2]), name(words.decisions, m[3])) : event.detail,
        event.reason ? s.note(event.reason) : undefined,
      );
    }
    case 'statement_released': {
      const m = event.detail?.match(/^\S+ v(\d+)$/);
      return done(what, m ? s.released(m[1]) : event.detail);
    }
    case 'closing_written':
      return done(what, event.to ? s.outcome(name(words.outcomes, event.to)) : event.detail);
    default:
      return done(what, event.reason ?? event.detail);
  }
}
