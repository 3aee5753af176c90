import { z } from 'zod';
import { SEVERITIES } from './alert-rule';
import { itemSummarySchema } from './enriched-item';

// R-ALR-3, STYLE habits 6 and 7: one state field, one table of moves, a typed timeline, and a
// snapshot of the rule version that fired the alert.
export const ALERT_STATES = ['new', 'acknowledged', 'dismissed', 'promoted'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/** The moves a duty officer makes; the table says from which states each is allowed. */
export const ALERT_MOVES = {
  ack: { from: ['new'], to: 'acknowledged' },
  dismiss: { from: ['new', 'acknowledged'], to: 'dismissed' },
  promote: { from: ['new', 'acknowledged'], to: 'promoted' },
} as const satisfies Record<string, { from: readonly AlertState[]; to: AlertState }>;
export type AlertMove = keyof typeof ALERT_MOVES;

/** Reasons a duty officer picks from when dismissing (plus free text). */
export const DISMISS_REASONS = ['false_positive', 'duplicate', 'not_relevant', 'already_handled', 'other'] as const;

export const dismissAlertSchema = z
  .object({
    reason: z.enum(DISMISS_REASONS),
    note: z.string().trim().max(1_000).optional(),
  })
  .strict()
  .refine((body) => body.reason !== 'other' || Boolean(body.note), { message: "a note is required when the reason is 'other'", path: ['note'] });
export type DismissAlert = z.infer<typeof dismissAlertSchema>;

/** POST /api/v1/alerts/{id}/promote: until cases land, promotion records the intent, with a note. */
export const promoteAlertSchema = z.object({ note: z.string().trim().max(1_000).optional() }).strict();
export type PromoteAlert = z.infer<typeof promoteAlertSchema>;

export const alertTimelineEventSchema = z.object({
  at: z.string(),
  type: z.enum(['raised', 'grouped', 'acknowledged', 'dismissed', 'promoted', 'escalated']),
  by: z.string().optional(),
  detail: z.string().optional(),
});
export type AlertTimelineEvent = z.infer<typeof alertTimelineEventSchema>;

/** A match of one rule on one item, as the evaluator emits it (alert-triggers topic). */
export const alertTriggerSchema = z.object({
  ruleId: z.string(),
  ruleVersion: z.number().int(),
  rule: z.object({ name: z.string(), severity: z.enum(SEVERITIES), repeatMinutes: z.number().int(), match: z.record(z.unknown()) }),
  /** Explicit grouping key (STYLE habit 7): the rule, and the story once stories land. */
  groupKey: z.string(),
  item: itemSummarySchema,
  /** Which terms or thresholds matched. */
  reasons: z.array(z.string()),
  matchedAt: z.string(),
});
export type AlertTrigger = z.infer<typeof alertTriggerSchema>;

/** An alert as stored (alerts index) and pushed (`alerts:new`). */
export const alertSchema = z.object({
  id: z.string(),
  /** Monotonic across every API instance and restart: a client resumes after the last one it saw. */
  cursor: z.number().int(),
  groupKey: z.string(),
  ruleId: z.string(),
  ruleVersion: z.number().int(),
  rule: alertTriggerSchema.shape.rule,
  severity: z.enum(SEVERITIES),
  state: z.enum(ALERT_STATES),
  /** Matches counted into this alert (the first included). */
  count: z.number().int(),
  firstAt: z.string(),
  lastAt: z.string(),
  reasons: z.array(z.string()),
  /** The newest matched items (masked), at most ALERT_ITEMS_KEPT. */
  items: z.array(itemSummarySchema),
  timeline: z.array(alertTimelineEventSchema),
  dismissReason: z.string().optional(),
  updatedAt: z.string(),
  /** Offset of the last trigger counted in, so a replayed trigger is not counted twice. */
  lastTriggerOffset: z.number().int(),
});
export type Alert = z.infer<typeof alertSchema>;

export const ALERT_ITEMS_KEPT = 20;

/** GET /api/v1/alerts: newest first; `cursor` pages to older alerts (those with a lower cursor). */
export const alertListQueryFields = z.object({
  state: z.enum(ALERT_STATES).optional(),
  ruleId: z.string().trim().min(1).max(100).optional(),
  cursor: z.coerce.number().int().min(0).optional(),
  size: z.coerce.number().int().min(1).max(200).default(50),
});
export type AlertListQuery = z.infer<typeof alertListQueryFields>;

export interface AlertListResponse {
  alerts: Alert[];
  /** Pass as `cursor` to get the next (older) page; absent on the last page. */
  nextCursor?: number;
}
