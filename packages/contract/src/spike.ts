import { z } from 'zod';
import { itemSummarySchema } from './enriched-item';

/**
 * Spikes (issue 10 part 2): a series whose count in a 10-minute window is far above its baseline
 * that knows time of day. A story, a watched keyword (every term an enabled keyword alert rule
 * looks for, not under NOT), or negative items overall.
 */
export const SPIKE_KINDS = ['story', 'keyword', 'negative'] as const;
export type SpikeKind = (typeof SPIKE_KINDS)[number];

/** Windows are this long, aligned on the clock (Asia/Shanghai and UTC agree on 10-minute marks). */
export const SPIKE_WINDOW_MINUTES = 10;

export const spikeSchema = z.object({
  /** One per series and window: `sp-<kind>-<hash of key>-<window start>`; a re-evaluation finds it taken. */
  id: z.string(),
  kind: z.enum(SPIKE_KINDS),
  /** The story id, the keyword term, or `negative`. */
  key: z.string(),
  /** What the duty officer reads: the story's title, the keyword, or 负面声量. */
  label: z.string(),
  window: z.object({ from: z.string(), to: z.string() }),
  /** The window in Beijing time, e.g. `2026-12-01 14:20–14:30`. */
  windowBeijing: z.string(),
  count: z.number().int(),
  baseline: z.number(),
  /** The spread z is measured in. */
  scale: z.number(),
  z: z.number(),
  /** Which history set the baseline: same time of day on previous days, or the recent windows. */
  basis: z.enum(['seasonal', 'recent']),
  detectedAt: z.string(),
  /** The window's newest items, masked. */
  topItems: z.array(itemSummarySchema),
});
export type Spike = z.infer<typeof spikeSchema>;

/** GET /api/v1/spikes: newest window first, paged by `from` (offset). */
export const spikeListQueryFields = z.object({
  kind: z.enum(SPIKE_KINDS).optional(),
  /** Windows that start at or after / before these times (ISO 8601). */
  since: z.string().datetime({ offset: true }).optional(),
  until: z.string().datetime({ offset: true }).optional(),
  from: z.coerce.number().int().min(0).max(10_000).default(0),
  size: z.coerce.number().int().min(1).max(200).default(50),
});
export const spikeListQuerySchema = spikeListQueryFields.refine(
  (q) => !q.since || !q.until || Date.parse(q.since) <= Date.parse(q.until),
  { message: 'since must not be after until', path: ['since'] },
);
export type SpikeListQuery = z.infer<typeof spikeListQuerySchema>;

export interface SpikeListResponse {
  spikes: Spike[];
  total: number;
}
