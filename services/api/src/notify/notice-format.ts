import type { Alert, EscalationTarget, Severity } from '@liaowang/contract';

/** What one outbound notice says: an alert raised (step 0) or an escalation step. */
export interface Notice {
  alert: Alert;
  step: number;
  target?: EscalationTarget;
  /** The person on duty in the target role, when the roster names one. */
  username?: string;
  /** The dashboard's public address (PUBLIC_URL), for a link. */
  publicUrl?: string;
}

const SEVERITY_ZH: Record<Severity, string> = { low: '低', medium: '中', high: '高', critical: '严重' };
const TARGET_ZH: Record<EscalationTarget, string> = { duty_officer: '值班员', shift_lead: '值班长', leader_on_duty: '带班领导' };
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

export function noticeTitle(notice: Notice): string {
  const severity = SEVERITY_ZH[notice.alert.severity];
  if (notice.step === 0 || !notice.target) return `【${severity}】舆情告警：${notice.alert.rule.name}`;
  const who = notice.username ? `${TARGET_ZH[notice.target]} ${notice.username}` : TARGET_ZH[notice.target];
  return `【${severity}】告警未处理，第${notice.step}级上报：${who}`;
}

export function alertLink(notice: Notice): string | undefined {
  if (!notice.publicUrl) return undefined;
  return `${notice.publicUrl.replace(/\/+$/, '')}/#/alerts?alert=${encodeURIComponent(notice.alert.id)}`;
}

/** The notice as Markdown, in Chinese, for the robots and as the webhook's `text`; item text is the masked one. */
export function noticeMarkdown(notice: Notice): string {
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
