import {
  CASE_GRADE_NAMES,
  type Alert,
  type Case,
  type CaseClock,
  type EscalationTarget,
  type Severity,
} from '@liaowang/contract';
import type { OnDutyPeople } from '../escalation/duty-lookup';

/** What one outbound notice says: an alert raised (step 0) or an escalation step. */
export interface AlertNotice {
  subject?: 'alert';
  alert: Alert;
  step: number;
  target?: EscalationTarget;
  /** The person on duty in the target role, when the roster names one. */
  username?: string;
  /** The dashboard's public address (PUBLIC_URL), for a link. */
  publicUrl?: string;
}

/** A case deadline missed (R-CASE-4): escalated at once to the shift lead and the leader on duty. */
export interface CaseClockNotice {
  subject: 'case_clock';
  kase: Pick<Case, 'id' | 'title' | 'grade' | 'state'>;
  clock: CaseClock;
  dueAt: string;
  /** When the breach was found: how late is counted to here. */
  at: string;
  onDuty: Pick<OnDutyPeople, 'shiftLead' | 'leaderOnDuty'>;
  publicUrl?: string;
}

export type Notice = AlertNotice | CaseClockNotice;
/** A notice as its sender is given it: the public address is the sender's setting. */
export type NoticeContent = Omit<AlertNotice, 'publicUrl'> | Omit<CaseClockNotice, 'publicUrl'>;

export const isCaseClockNotice = (notice: Notice): notice is CaseClockNotice => notice.subject === 'case_clock';

const SEVERITY_ZH: Record<Severity, string> = { low: '低', medium: '中', high: '高', critical: '严重' };
const TARGET_ZH: Record<EscalationTarget, string> = {
  duty_officer: '值班员',
  shift_lead: '值班长',
  leader_on_duty: '带班领导',
};
// A robot message is read on a phone: a long post is cut.
const TEXT_CHARS = 200;

const shanghai = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** `2025-03-01 20:15:00` in Asia/Shanghai. */
export function shanghaiTime(iso: string): string {
  const parts = Object.fromEntries(shanghai.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour === '24' ? '00' : parts.hour}:${parts.minute}:${parts.second}`;
}

export const CLOCK_ZH: Record<CaseClock, string> = { first_release: '首次权威发布', update: '动态更新', close: '结案' };

/** `2小时5分钟`, `3天1小时`: how far past a deadline, to the minute. */
export function lateBy(dueAt: string, at: string): string {
  const minutes = Math.max(0, Math.floor((Date.parse(at) - Date.parse(dueAt)) / 60_000));
  const days = Math.floor(minutes / 1_440);
  const hours = Math.floor((minutes % 1_440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days}天${hours > 0 ? `${hours}小时` : ''}`;
  if (hours > 0) return `${hours}小时${rest > 0 ? `${rest}分钟` : ''}`;
  return rest > 0 ? `${rest}分钟` : '不足1分钟';
}

/** Who a case notice is for: `值班长 lead1、带班领导 leader1`. */
export function caseNoticeRecipients(onDuty: CaseClockNotice['onDuty']): string {
  const who = [
    onDuty.shiftLead && `值班长 ${onDuty.shiftLead}`,
    onDuty.leaderOnDuty && `带班领导 ${onDuty.leaderOnDuty}`,
  ];
  return who.filter(Boolean).join('、') || '（排班无人）';
}

const gradeZh = (kase: CaseClockNotice['kase']) =>
  kase.grade ? `${CASE_GRADE_NAMES[kase.grade]}（${kase.grade}级）` : '未定级';

export function noticeTitle(notice: Notice): string {
  if (isCaseClockNotice(notice)) {
    const grade = notice.kase.grade ? CASE_GRADE_NAMES[notice.kase.grade] : '未定级';
    return `【${grade}】案件${CLOCK_ZH[notice.clock]}时限已过：${notice.kase.title}`;
  }
  const severity = SEVERITY_ZH[notice.alert.severity];
  if (notice.step === 0 || !notice.target) return `【${severity}】舆情告警：${notice.alert.rule.name}`;
  const who = notice.username ? `${TARGET_ZH[notice.target]} ${notice.username}` : TARGET_ZH[notice.target];
  return `【${severity}】告警未处理，第${notice.step}级上报：${who}`;
}

/** The alert in the dashboard's inbox (`/alerts/<id>`), when PUBLIC_URL is set. */
export function alertLink(notice: AlertNotice): string | undefined {
  if (!notice.publicUrl) return undefined;
  return `${notice.publicUrl.replace(/\/+$/, '')}/alerts/${encodeURIComponent(notice.alert.id)}`;
}

/** The case page on the dashboard, when PUBLIC_URL is set. */
export function caseLink(notice: CaseClockNotice): string | undefined {
  if (!notice.publicUrl) return undefined;
  return `${notice.publicUrl.replace(/\/+$/, '')}/cases/${encodeURIComponent(notice.kase.id)}`;
}

/** The link a notice carries: the alert in the inbox, or the case page. */
export function noticeLink(notice: Notice): string | undefined {
  return isCaseClockNotice(notice) ? caseLink(notice) : alertLink(notice);
}

function caseNoticeMarkdown(notice: CaseClockNotice): string {
  const link = caseLink(notice);
  return [
    `### ${noticeTitle(notice)}`,
    `- 案件：${oneLine(notice.kase.title)}`,
    `- 等级：${gradeZh(notice.kase)}`,
    `- 时限：${CLOCK_ZH[notice.clock]}`,
    `- 应于：${shanghaiTime(notice.dueAt)}（北京时间）`,
    `- 已超：${lateBy(notice.dueAt, notice.at)}`,
    `- 上报：${caseNoticeRecipients(notice.onDuty)}`,
    ...(link ? [`- [查看案件](${link})`] : []),
  ].join('\n');
}

/** The notice as Markdown, in Chinese, for the robots and as the webhook's `text`; item text is the masked one. */
export function noticeMarkdown(notice: Notice): string {
  if (isCaseClockNotice(notice)) return caseNoticeMarkdown(notice);
  const { alert } = notice;
  const first = alert.items[0];
  const whole = first ? oneLine(first.text) : '';
  const text = whole.length > TEXT_CHARS ? `${whole.slice(0, TEXT_CHARS)}…` : whole;
  const link = alertLink(notice);
  return [
    `### ${noticeTitle(notice)}`,
    `- 级别：${SEVERITY_ZH[alert.severity]}`,
    `- 规则：${alert.rule.name}`,
    ...(text ? [`- 内容：${text}`] : []),
    `- 条数：${alert.count}`,
    `- 首次：${shanghaiTime(alert.firstAt)}（北京时间）`,
    ...(link ? [`- [查看告警](${link})`] : []),
  ].join('\n');
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
