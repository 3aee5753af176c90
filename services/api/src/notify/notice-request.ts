import type { NotifyChannelKind } from '@liaowang/contract';
import { createHmac } from 'node:crypto';
import {
  alertLink,
  caseLink,
  isCaseClockNotice,
  lateBy,
  noticeMarkdown,
  noticeTitle,
  type CaseClockNotice,
  type Notice,
} from './notice-format';

/** What a channel needs to build its request: never logged (URL and secret are credentials). */
export interface ChannelTarget {
  kind: NotifyChannelKind;
  url: string;
  secret?: string;
}

export interface NoticeRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export const SIGNATURE_HEADER = 'x-liaowang-signature';
export const TIMESTAMP_HEADER = 'x-liaowang-timestamp';

/**
 * Generic webhook signature: hex HMAC-SHA256 over `<timestamp>.<body>`, the timestamp in Unix
 * seconds, so a receiver can refuse an old request replayed (it checks both).
 */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** DingTalk robot signing: base64 HMAC-SHA256, keyed by the secret, of `<timestamp ms>\n<secret>`. */
export function dingTalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

/** The HTTP request that delivers `notice` to a channel, at `now`. Pure: the caller sends it. */
export function buildNoticeRequest(channel: ChannelTarget, notice: Notice, now: Date): NoticeRequest {
  const json = { 'content-type': 'application/json; charset=utf-8' };
  const markdown = noticeMarkdown(notice);
  switch (channel.kind) {
    case 'wecom':
      // WeCom group robots take no signature; the key in the URL is the credential.
      return {
        url: channel.url,
        headers: json,
        body: JSON.stringify({ msgtype: 'markdown', markdown: { content: markdown } }),
      };
    case 'dingtalk': {
      const body = JSON.stringify({ msgtype: 'markdown', markdown: { title: noticeTitle(notice), text: markdown } });
      if (!channel.secret) return { url: channel.url, headers: json, body };
      const timestamp = now.getTime();
      const url = new URL(channel.url);
      url.searchParams.set('timestamp', String(timestamp));
      url.searchParams.set('sign', dingTalkSign(channel.secret, timestamp));
      return { url: url.toString(), headers: json, body };
    }
    case 'webhook': {
      const body = isCaseClockNotice(notice)
        ? caseWebhookBody(notice, markdown, now)
        : alertWebhookBody(notice, markdown, now);
      const timestamp = String(Math.floor(now.getTime() / 1000));
      const headers: Record<string, string> = { ...json, [TIMESTAMP_HEADER]: timestamp };
      if (channel.secret) headers[SIGNATURE_HEADER] = webhookSignature(channel.secret, timestamp, body);
      return { url: channel.url, headers, body };
    }
  }
}

function alertWebhookBody(notice: Exclude<Notice, CaseClockNotice>, markdown: string, now: Date): string {
  const { alert } = notice;
  return JSON.stringify({
    event: notice.step === 0 ? 'alert.raised' : 'alert.escalated',
    step: notice.step,
    ...(notice.target ? { target: notice.target } : {}),
    ...(notice.username ? { username: notice.username } : {}),
    alert: {
      id: alert.id,
      severity: alert.severity,
      state: alert.state,
      ruleId: alert.ruleId,
      ruleName: alert.rule.name,
      count: alert.count,
      firstAt: alert.firstAt,
      text: alert.items[0]?.text,
    },
    ...(alertLink(notice) ? { link: alertLink(notice) } : {}),
    title: noticeTitle(notice),
    markdown,
    sentAt: now.toISOString(),
  });
}

function caseWebhookBody(notice: CaseClockNotice, markdown: string, now: Date): string {
  const link = caseLink(notice);
  return JSON.stringify({
    event: 'case.clock_breached',
    case: { id: notice.kase.id, title: notice.kase.title, grade: notice.kase.grade, state: notice.kase.state },
    clock: notice.clock,
    dueAt: notice.dueAt,
    lateMinutes: Math.max(0, Math.floor((Date.parse(notice.at) - Date.parse(notice.dueAt)) / 60_000)),
    lateBy: lateBy(notice.dueAt, notice.at),
    onDuty: notice.onDuty,
    ...(link ? { link } : {}),
    title: noticeTitle(notice),
    markdown,
    sentAt: now.toISOString(),
  });
}

/** The URL as the API shows it: every query value replaced, since robots carry their token there. */
export function maskedUrl(url: string): string {
  const parsed = new URL(url);
  for (const key of [...parsed.searchParams.keys()]) parsed.searchParams.set(key, '***');
  parsed.username = '';
  parsed.password = '';
  return parsed.toString().replace(/%2A%2A%2A/g, '***');
}
