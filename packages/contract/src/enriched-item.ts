import { z } from 'zod';
import { enrichmentSchema } from './enrichment';
import { rawItemSchema } from './item';

export const enrichedItemSchema = rawItemSchema.extend({
  enrichment: enrichmentSchema,
  enrichedAt: z.string().datetime({ offset: true }),
});
export type EnrichedItem = z.infer<typeof enrichedItemSchema>;

/** What the dashboard lists and receives live: no raw payload, PII masked. */
export interface ItemSummary {
  id: string;
  kind: EnrichedItem['kind'];
  platform: string;
  authorName: string;
  /** Masked text (R-ENR-5). */
  text: string;
  url?: string;
  publishedAt: string;
  receivedAt: string;
  region?: string;
  sentiment: EnrichedItem['enrichment']['sentiment'];
  rumorScore: number;
  categories: string[];
  highlight?: string;
}
