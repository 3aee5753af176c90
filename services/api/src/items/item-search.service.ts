import { Inject, Injectable } from '@nestjs/common';
import {
  itemDocumentSummary,
  itemsIndex,
  type FacetCount,
  type ItemDocument,
  type ItemFacets,
  type ItemSearchQuery,
  type ItemSearchResponse,
  type ItemSort,
} from '@liaowang/contract';
import { ELASTICSEARCH, type ElasticsearchClient } from '@liaowang/platform';
import { facetBuckets, itemSearchToEs, itemSortToEs } from './item-query';
import { decodeCursor, encodeCursor } from './search-cursor';

export { itemSearchQuerySchema, type ItemSearchQuery } from '@liaowang/contract';

@Injectable()
export class ItemSearchService {
  constructor(@Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient) {}

  /**
   * Newest first unless asked otherwise. Only a caller who may see raw evidence (`items.raw.view`)
   * matches the unmasked text; everyone else searches the masked copy, so a phone number cannot
   * find its post. Deep pages go by search_after cursors, so there is no 10,000-hit wall.
   */
  async search(query: ItemSearchQuery, options: { matchRawText: boolean }): Promise<ItemSearchResponse> {
    // Relevance is the natural order of a text search; without words it means nothing.
    const sort: ItemSort = query.sort ?? 'newest';
    const searchAfter = query.cursor ? decodeCursor(query.cursor, sort) : undefined;
    const withFacets = query.facets !== 'false';
    const response = await this.es.search<ItemDocument>({
      index: itemsIndex.alias,
      size: query.size,
      ignore_unavailable: true,
      allow_no_indices: true,
      track_total_hits: true,
      sort: itemSortToEs(sort),
      search_after: searchAfter,
      ...itemSearchToEs(query, options.matchRawText, withFacets),
      highlight: query.q
        ? { fields: { masked: { number_of_fragments: 1, fragment_size: 160 } }, pre_tags: ['<em>'], post_tags: ['</em>'] }
        : undefined,
    });
    const total = typeof response.hits.total === 'number' ? response.hits.total : (response.hits.total?.value ?? 0);
    const hits = response.hits.hits;
    const last = hits[hits.length - 1];
    // A full page may have a next one; a short page is the last.
    const cursor = hits.length === query.size && last?.sort ? encodeCursor(sort, last.sort as (string | number | null)[]) : undefined;
    return {
      total,
      items: hits.map((hit) => itemDocumentSummary(hit._source!, hit.highlight?.masked?.[0])),
      cursor,
      facets: withFacets ? facetsOf(response.aggregations) : undefined,
    };
  }
}

function facetsOf(aggregations: Record<string, unknown> | undefined): ItemFacets {
  const counts = (name: keyof ItemFacets): FacetCount[] => facetBuckets(aggregations, name).map((b) => ({ value: String(b.key), count: b.doc_count }));
  return {
    kind: counts('kind'),
    platform: counts('platform'),
    sentiment: counts('sentiment'),
    category: counts('category'),
    region: counts('region'),
    province: counts('province'),
    author: counts('author'),
    rumorRisk: counts('rumorRisk'),
  };
}
