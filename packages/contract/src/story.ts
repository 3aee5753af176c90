import { z } from 'zod';
import { itemSummarySchema } from './enriched-item';

const countSchema = z.object({ key: z.string(), count: z.number().int() });

/**
 * A story: the reposts and near-duplicates of one claim (R-ENR-6), kept up to date by the
 * stream's stories stage. `reach` is not there: items do not carry follower or view counts yet.
 */
export const storySchema = z.object({
  id: z.string(),
  /** Masked text of the item that founded the story (its most representative copy). */
  title: z.string(),
  titleItemId: z.string(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  volume: z.number().int(),
  /** Distinct author ids. */
  authors: z.number().int(),
  platforms: z.array(countSchema),
  regions: z.array(countSchema),
  categories: z.array(countSchema),
  sentiment: z.object({ negative: z.number().int(), neutral: z.number().int(), positive: z.number().int() }),
  rumor: z.object({ peak: z.number(), mean: z.number() }),
  /** Items published in the last 10 minutes before the update, the 10 before those, and the change. */
  velocity: z.object({ current: z.number().int(), previous: z.number().int(), change: z.number().int() }),
  newestItemIds: z.array(z.string()),
  /** Fingerprints the story is matched with (bounded) and their LSH band keys. */
  fingerprints: z.array(z.string()),
  bands: z.array(z.string()),
  /** The keys of platforms, regions and categories, as keywords for filters and facet counts (R-ENR-7). */
  facets: z.object({ platform: z.array(z.string()), region: z.array(z.string()), category: z.array(z.string()) }).optional(),
  updatedAt: z.string(),
});
export type Story = z.infer<typeof storySchema>;

/** What the API lists: the story without its matching keys. */
export type StorySummary = Omit<Story, 'fingerprints' | 'bands'>;

export const STORY_SORTS = ['velocity', 'volume', 'risk'] as const;
export const storyListQuerySchema = z.object({
  sort: z.enum(STORY_SORTS).default('velocity'),
  size: z.coerce.number().int().min(1).max(100).default(20),
  /** Only stories whose title holds these words as a phrase (e.g. a place or a claim's key words). */
  q: z.string().trim().min(1).max(200).optional(),
});
export type StoryListQuery = z.infer<typeof storyListQuerySchema>;

export interface StoryListResponse {
  stories: StorySummary[];
}

export interface StoryDetailResponse {
  story: StorySummary;
  /** Its newest items, masked. */
  items: z.infer<typeof itemSummarySchema>[];
}
