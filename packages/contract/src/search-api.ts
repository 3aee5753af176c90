import { z } from 'zod';
import { CATEGORY_IDS, SENTIMENT_LABELS } from './enrichment';
import { ITEM_KINDS } from './item';

// R-UI-2: the search routes (GET /api/v1/items, /stats/volume, /stats/sentiment) and saved
// searches. Every parameter is optional, so an old client that sends only `q` and `size` works.

export const ITEM_SORTS = ['newest', 'risk', 'relevance'] as const;
export type ItemSort = (typeof ITEM_SORTS)[number];

// A facet filter comes as `platform=weibo,douyin` or as the parameter repeated.
const listOf = <T extends z.ZodTypeAny>(value: T) =>
  z.preprocess(
    (input) => {
      if (input === undefined || input === '') return undefined;
      const parts = (Array.isArray(input) ? input : [input]).flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]));
      return parts.map((p) => (typeof p === 'string' ? p.trim() : p)).filter((p) => p !== '');
    },
    z.array(value).min(1).max(50).optional(),
  );
const facetValue = z.string().min(1).max(200);
const risk = z.coerce.number().min(0).max(1).optional();
const time = z.string().datetime({ offset: true }).optional();

/** The facet filters every search route takes; values of one facet are OR-ed, facets AND-ed. */
export const itemFiltersShape = {
  q: z.string().trim().max(500).optional(),
  kind: listOf(z.enum(ITEM_KINDS)),
  platform: listOf(facetValue),
  sentiment: listOf(z.enum(SENTIMENT_LABELS)),
  category: listOf(z.enum(CATEGORY_IDS)),
  region: listOf(facetValue),
  /** Province (full name, e.g. 湖北省) the pipeline resolved from the region field or the text (`place.province`). */
  province: listOf(facetValue),
  /** Author id or name (the account that posted). */
  author: listOf(facetValue),
  /** Story ids (the `storyId` items carry). */
  story: listOf(facetValue),
  riskMin: risk,
  riskMax: risk,
  /** publishedAt ≥ from, < to (ISO 8601 with offset). */
  from: time,
  to: time,
};
export const itemFiltersSchema = z.object(itemFiltersShape);
export type ItemFilters = z.infer<typeof itemFiltersSchema>;

/** GET /api/v1/items. */
export const itemSearchQuerySchema = z.object({
  ...itemFiltersShape,
  size: z.coerce.number().int().min(1).max(200).default(50),
  sort: z.enum(ITEM_SORTS).optional(),
  /** The `cursor` of the previous page: the next page after it (same query and sort). */
  cursor: z.string().min(1).max(2_000).optional(),
  /** `false` leaves out facet counts (a "load more" page needs none). */
  facets: z.enum(['true', 'false']).optional(),
});
export type ItemSearchQuery = z.infer<typeof itemSearchQuerySchema>;

export interface FacetCount {
  value: string;
  count: number;
}

export const RUMOR_RISK_BANDS = [
  { key: 'low', from: 0, to: 0.3 },
  { key: 'medium', from: 0.3, to: 0.6 },
  { key: 'high', from: 0.6, to: 1.01 },
] as const;

/** Counts per value of each facet, over every item the query and filters match. */
export interface ItemFacets {
  kind: FacetCount[];
  platform: FacetCount[];
  sentiment: FacetCount[];
  category: FacetCount[];
  region: FacetCount[];
  province: FacetCount[];
  author: FacetCount[];
  /** Bands of RUMOR_RISK_BANDS by key. */
  rumorRisk: FacetCount[];
}

export const STATS_INTERVALS = ['10m', '30m', 'hour', 'day', 'week', 'month'] as const;
export type StatsInterval = (typeof STATS_INTERVALS)[number];
export const STATS_TIME_ZONE = 'Asia/Shanghai';

/** GET /api/v1/stats/volume and /stats/sentiment: the search filters and a bucket width. */
export const statsQuerySchema = z.object({ ...itemFiltersShape, interval: z.enum(STATS_INTERVALS).default('hour') });
export type StatsQuery = z.infer<typeof statsQuerySchema>;

export interface VolumeBucket {
  /** Bucket start, ISO 8601 in Asia/Shanghai (+08:00). */
  start: string;
  count: number;
}
export interface VolumeStats {
  interval: StatsInterval;
  timeZone: typeof STATS_TIME_ZONE;
  buckets: VolumeBucket[];
}
export interface SentimentBucket extends VolumeBucket {
  negative: number;
  neutral: number;
  positive: number;
}
export interface SentimentStats {
  interval: StatsInterval;
  timeZone: typeof STATS_TIME_ZONE;
  buckets: SentimentBucket[];
}

/**
 * GET /api/v1/stats/hot-words (issue 10 item 3): the words that rise in a window of publication
 * time (default: the 24 hours before `until`, default now) against all stored items, optionally
 * among one story's items.
 */
export const hotWordsParamsSchema = z.object({
  since: time,
  until: time,
  storyId: facetValue.optional(),
  size: z.coerce.number().int().min(1).max(100).default(30),
});
/** The parameters, with the window checked: `since` before `until`. */
export const hotWordsQuerySchema = hotWordsParamsSchema.refine(
  (q) => !q.since || !q.until || Date.parse(q.since) < Date.parse(q.until),
  { path: ['since'], message: 'since must be before until' },
);
export type HotWordsQuery = z.infer<typeof hotWordsQuerySchema>;

export interface HotWord {
  word: string;
  /** Items of the window (and story) that contain the word. */
  count: number;
  /** Items of the whole background (every stored item) that contain it. */
  backgroundCount: number;
  /** How much more frequent the word is in the window than in the background (Elasticsearch's JLH score). */
  score: number;
}
export interface HotWords {
  /** The window, ISO 8601 in Asia/Shanghai (+08:00). */
  since: string;
  until: string;
  storyId?: string;
  /** Items in the window (and story) the words were drawn from. */
  items: number;
  /** Most significant first; stop words, numbers and single characters left out. */
  words: HotWord[];
}

/** What a saved search keeps: the query and filters as the search page sends them. */
export const savedSearchQuerySchema = z
  .object({
    q: z.string().trim().max(500).optional(),
    kind: z.array(z.enum(ITEM_KINDS)).max(50).optional(),
    platform: z.array(facetValue).max(50).optional(),
    sentiment: z.array(z.enum(SENTIMENT_LABELS)).max(50).optional(),
    category: z.array(z.enum(CATEGORY_IDS)).max(50).optional(),
    region: z.array(facetValue).max(50).optional(),
    province: z.array(facetValue).max(50).optional(),
    author: z.array(facetValue).max(50).optional(),
    story: z.array(facetValue).max(50).optional(),
    riskMin: z.number().min(0).max(1).optional(),
    riskMax: z.number().min(0).max(1).optional(),
    from: z.string().datetime({ offset: true }).optional(),
    to: z.string().datetime({ offset: true }).optional(),
    sort: z.enum(ITEM_SORTS).optional(),
  })
  .strict();
export type SavedSearchQuery = z.infer<typeof savedSearchQuerySchema>;

/** POST /api/v1/saved-searches. */
export const savedSearchInputSchema = z.object({ name: z.string().trim().min(1).max(100), query: savedSearchQuerySchema }).strict();
export type SavedSearchInput = z.infer<typeof savedSearchInputSchema>;

/** A saved search of record; only its owner lists or deletes it. */
export interface SavedSearch {
  id: string;
  owner: string;
  name: string;
  query: SavedSearchQuery;
  createdAt: string;
}
