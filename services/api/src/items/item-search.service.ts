import { Inject, Injectable } from '@nestjs/common';
import { itemDocumentSummary, itemsIndex, type ItemDocument, type ItemSearchResponse } from '@liaowang/contract';
import { ELASTICSEARCH, type ElasticsearchClient } from '@liaowang/platform';
import { z } from 'zod';

export const itemSearchQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  size: z.coerce.number().int().min(1).max(200).default(50),
});
export type ItemSearchQuery = z.infer<typeof itemSearchQuerySchema>;

@Injectable()
export class ItemSearchService {
  constructor(@Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient) {}

  /**
   * Newest first. Only a caller who may see raw evidence (`items.raw.view`) matches the unmasked
   * text; everyone else searches the masked copy, so a phone number cannot find its post.
    Text queries are phrase matches on the standard-analyzed fields: one token per
   * Han character with adjacency enforced, which finds Chinese phrases without a segmenter here.
   */
  async search(query: ItemSearchQuery, options: { matchRawText: boolean }): Promise<ItemSearchResponse> {
    const response = await this.es.search<ItemDocument>({
      index: itemsIndex.alias,
      size: query.size,
      ignore_unavailable: true,
      allow_no_indices: true,
      track_total_hits: true,
      sort: [{ publishedAt: 'desc' }, { id: 'asc' }],
      query: query.q
        ? { multi_match: { query: query.q, type: 'phrase', fields: options.matchRawText ? ['masked', 'text'] : ['masked'] } }
        : { match_all: {} },
      highlight: query.q
        ? { fields: { masked: { number_of_fragments: 1, fragment_size: 160 } }, pre_tags: ['<em>'], post_tags: ['</em>'] }
        : undefined,
    });
    const total = typeof response.hits.total === 'number' ? response.hits.total : (response.hits.total?.value ?? 0);
    return {
      total,
      items: response.hits.hits.map((hit) => itemDocumentSummary(hit._source!, hit.highlight?.masked?.[0])),
    };
  }
}
