import { z } from 'zod';
import { enrichmentSchema } from './enrichment';
import { rawItemSchema } from './item';

export const enrichedItemSchema = rawItemSchema.extend({
  enrichment: enrichmentSchema,
  enrichedAt: z.string().datetime({ offset: true }),
});
export type EnrichedItem = z.infer<typeof enrichedItemSchema>;

/** What the dashboard lists and receives live: no raw payload, PII masked. */
export const itemSummarySchema = z.object({
  id: z.string(),
  kind: rawItemSchema.shape.kind,
  platform: z.string(),
  authorName: z.string(),
  /** Masked text (R-ENR-5). */
  text: z.string(),
  url: z.string().optional(),
  publishedAt: z.string(),
  receivedAt: z.string(),
  region: z.string().optional(),
  sentiment: enrichmentSchema.shape.sentiment,
  rumorScore: z.number(),
  categories: z.array(z.string()),
  /** The story (near-duplicates of one claim) the item belongs to, once the stories stage placed it (R-ENR-6). */
  storyId: z.string().optional(),
  /** Search hit fragment of the masked text, matches wrapped in <em>…</em>, when the item came from a search. */
  highlight: z.string().optional(),
});
export type ItemSummary = z.infer<typeof itemSummarySchema>;

export function summarizeItem(item: EnrichedItem): ItemSummary {
  return {
    id: item.id,
    kind: item.kind,
    platform: item.platform,
    authorName: item.author.name,
    text: item.enrichment.masked,
    url: item.url,
    publishedAt: item.publishedAt,
    receivedAt: item.receivedAt,
    region: item.region,
    sentiment: item.enrichment.sentiment,
    rumorScore: item.enrichment.rumor.score,
    categories: item.enrichment.categories.map((c) => c.id),
  };
}
