import type { createElasticsearchClient } from '@liaowang/platform';
import { itemsIndex } from '@liaowang/contract';

/** Answers which of some item ids are already stored. */
export type StoredIdLookup = (ids: string[]) => Promise<Set<string>>;

/**
 * Looks ids up in Elasticsearch, across every month index behind the items alias (an ids query,
 * since a get by id would need the one concrete index). No items index yet means none stored.
 */
export function storedIdsIn(es: ReturnType<typeof createElasticsearchClient>): StoredIdLookup {
  return async (ids) => {
    if (ids.length === 0) return new Set();
    const response = await es.search({
      index: itemsIndex.alias,
      ignore_unavailable: true,
      allow_no_indices: true,
      size: ids.length,
      _source: false,
      query: { ids: { values: ids } },
      filter_path: ['hits.hits._id'],
    });
    return new Set((response.hits?.hits ?? []).map((hit) => hit._id).filter((id): id is string => typeof id === 'string'));
  };
}
