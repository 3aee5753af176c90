import { z } from 'zod';
import { SEVERITIES, type Severity } from './alert-rule';
import type { CaseClock } from './case';

// Issue 8 item 5: notices outside the dashboard, to a generic webhook or a group robot.
export const NOTIFY_CHANNEL_KINDS = ['webhook', 'wecom', 'dingtalk'] as const;
export type NotifyChannelKind = (typeof NOTIFY_CHANNEL_KINDS)[number];

const channelFields = {
  name: z.string().trim().min(1).max(100),
  kind: z.enum(NOTIFY_CHANNEL_KINDS),
  /** The robot's or receiver's URL; its query (a robot's access token) is never shown again. */
  url: z.string().url().max(2_000).refine((s) => /^https?:\/\//.test(s), { message: 'expected an http(s) URL' }),
  /** Signing key (webhook: HMAC-SHA256; DingTalk: the robot's SEC… secret). Write-only. */
  secret: z.string().min(8).max(500).optional(),
  enabled: z.boolean().default(true),
  /** Every alert raised at or above this severity is sent here; absent: none. */
  minSeverity: z.enum(SEVERITIES).optional(),
  /** Whether escalation steps that notify are sent here. */
  escalations: z.boolean().default(true),
};

export const notifyChannelInputSchema = z.object(channelFields).strict();
export type NotifyChannelInput = z.infer<typeof notifyChannelInputSchema>;

/** PUT /api/v1/notify-channels/{id}: the fields given change; an absent secret is kept. */
export const notifyChannelUpdateSchema = z
  .object({
    name: channelFields.name.optional(),
    kind: channelFields.kind.optional(),
    url: channelFields.url.optional(),
    secret: channelFields.secret,
    enabled: z.boolean().optional(),
    minSeverity: z.enum(SEVERITIES).nullable().optional(),
    escalations: z.boolean().optional(),
  })
  .strict();
export type NotifyChannelUpdate = z.infer<typeof notifyChannelUpdateSchema>;

/** A channel as stored (notify channels index), secret included: never leaves the API. */
export interface StoredNotifyChannel {
  id: string;
  name: string;
  kind: NotifyChannelKind;
  url: string;
  secret?: string;
  enabled: boolean;
  minSeverity?: Severity;
  escalations: boolean;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** A channel as the API shows it: the URL without its query values, whether a secret is set. */
export type NotifyChannel = Omit<StoredNotifyChannel, 'secret'> & { hasSecret: boolean };

/** What a notice is about: an alert raised or escalated, or a case deadline missed (R-CASE-4). */
export const NOTICE_SUBJECTS = ['alert', 'case_clock'] as const;
export type NoticeSubject = (typeof NOTICE_SUBJECTS)[number];

/** One attempt to deliver one notice (notify deliveries index). */
export interface NotifyDelivery {
  id: string;
  channelId: string;
  /** Absent on records made before case notices: 'alert'. */
  subject?: NoticeSubject;
  /** The alert of an alert notice. */
  alertId?: string;
  /** The case and the clock it missed, of a case clock notice. */
  caseId?: string;
  clock?: CaseClock;
  /** 0: the alert was raised (severe); n: escalation step n; a case clock breach escalates at once: 1. */
  step: number;
  attempt: number;
  ok: boolean;
  statusCode?: number;
  error?: string;
  at: string;
}

export const notifyDeliveryQueryFields = z.object({
  channelId: z.string().trim().min(1).max(100).optional(),
  alertId: z.string().trim().min(1).max(200).optional(),
  caseId: z.string().trim().min(1).max(200).optional(),
  size: z.coerce.number().int().min(1).max(500).default(100),
});
export type NotifyDeliveryQuery = z.infer<typeof notifyDeliveryQueryFields>;
