import { z } from 'zod';
import { CATEGORY_IDS } from './enrichment';
import { ITEM_KINDS } from './item';
import { SPIKE_KINDS } from './spike';

// R-ALR-1: alert rules. The conditions a rule gives must all hold for an item to match.
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * Rumor-risk threshold that a seeded rule and the rule editor start from; `rumor.level` is `high`
 * from here. Since nlp-1.3.0 (the score learned everyday chatter, issue 9), chosen from the dev
 * figures in docs/NLP.md and bench/alert-rates.js (docs/BENCHMARKS.md, "Alert rates by rumor-risk
 * threshold"): at 0.40 a rumor-risk rule flags 2.2 % of everyday Weibo posts, 2.9 % of the
 * simulator's official notices and 8.9 % of CHECKED's real news, and catches 71 % of the CED dev
 * rumors and every simulated rumor-like post. 0.30 would catch 79 % but flag 19 % of the official
 * notices and 16 % of the real news: a duty office's feed is full of those (issue 8: rumor rules
 * must not flood on official notices).
 */
export const DEFAULT_RUMOR_ALERT_THRESHOLD = 0.4;

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:mm (Asia/Shanghai)');

/** Which spikes a spike rule fires on: every condition given must hold. */
export const spikeConditionSchema = z
  .object({
    /** Spikes of these kinds only (story, keyword, negative); any kind when absent. */
    kinds: z.array(z.enum(SPIKE_KINDS)).min(1).optional(),
    /** The spike's robust z at or above this (the detector's own threshold when absent). */
    zAtLeast: z.number().min(0).max(1_000).optional(),
    /** Items in the window at or above this. */
    countAtLeast: z.number().int().min(1).max(1_000_000).optional(),
    /** Only these series: keyword terms or story ids. */
    keys: z.array(z.string().trim().min(1).max(200)).min(1).max(200).optional(),
  })
  .strict();
export type SpikeCondition = z.infer<typeof spikeConditionSchema>;

export const alertRuleMatchSchema = z
  .object({
    /** Keyword query over the item's text: AND / OR / NOT, "phrases", NEAR/n (see @liaowang/alerting). */
    keywords: z.string().trim().min(1).max(2_000).optional(),
    /** Rumor risk at or above this score. */
    rumorRiskAtLeast: z.number().min(0).max(1).optional(),
    /** Negative sentiment with at least this confidence. */
    negativeAtLeast: z.number().min(0).max(1).optional(),
    /** Any of these prohibited-content categories (R-ENR-4). */
    categories: z.array(z.enum(CATEGORY_IDS)).min(1).optional(),
    /** Only items of these kinds, e.g. ['impostor_report'] alone: every impostor report. */
    kinds: z.array(z.enum(ITEM_KINDS)).min(1).optional(),
    /** The organisation's own accounts or watched names: the author is one, or the text names one. */
    watchedNames: z.array(z.string().trim().min(1).max(100)).min(1).max(500).optional(),
    /**
     * A spike rule fires on spike events (the stream's spike detector), not on items; it stands
     * alone in its rule. Absent in every rule written before spikes, which stay item rules.
     */
    spike: spikeConditionSchema.optional(),
  })
  .strict()
  .refine((match) => Object.values(match).some((value) => value !== undefined), {
    message: 'a rule needs at least one condition',
  })
  .refine((match) => !match.spike || Object.entries(match).every(([field, value]) => field === 'spike' || value === undefined), {
    message: 'a spike rule fires on spikes, not on items: give it no item conditions',
    path: ['spike'],
  });
export type AlertRuleMatch = z.infer<typeof alertRuleMatchSchema>;

/** What an editor sends to create or change a rule (POST / PUT /api/v1/alert-rules). */
export const alertRuleInputSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().max(1_000).optional(),
    severity: z.enum(SEVERITIES),
    enabled: z.boolean().default(true),
    match: alertRuleMatchSchema,
    /** No alert is raised from this rule between these times (Asia/Shanghai); the window may cross midnight. */
    quietHours: z.object({ from: clockTime, to: clockTime }).strict().optional(),
    /**
     * Minimum interval between two alerts of this rule (and story): matches within it are counted
     * into the open alert instead of raising a new one (R-ALR-3 grouping).
     */
    repeatMinutes: z.number().int().min(0).max(7 * 24 * 60).default(30),
  })
  .strict();
export type AlertRuleInput = z.input<typeof alertRuleInputSchema>;
export type ValidAlertRuleInput = z.output<typeof alertRuleInputSchema>;

/** PUT /api/v1/alert-rules/{id}: the whole input plus the version the editor started from (stale → 409). */
export const alertRuleUpdateSchema = alertRuleInputSchema.extend({ version: z.number().int().min(1) }).strict();
export type AlertRuleUpdate = z.input<typeof alertRuleUpdateSchema>;

/** A rule as stored: every save is a new version (the versions index keeps them all). */
export interface AlertRule extends ValidAlertRuleInput {
  id: string;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** POST /api/v1/alert-rules/preview: how many alerts the rule would have raised. */
export interface AlertRulePreview {
  /** Over the last `days` days of indexed items. */
  days: number;
  /** Items the rule matches. */
  matchedItems: number;
  /** Alerts it would raise after grouping by its repeat interval and quiet hours. */
  alerts: number;
  /** The same per 1,000 items seen, to compare rules on a busy and a quiet week. */
  alertsPer1000Items: number;
  itemsScanned: number;
  /** Whether the scan stopped at its cap before reaching the start of the window. */
  truncated: boolean;
  sample: { id: string; text: string; publishedAt: string; hits: string[] }[];
}
