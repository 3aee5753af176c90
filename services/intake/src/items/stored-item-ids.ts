import { itemsIndex } from '@liaowang/contract';
import type { ElasticsearchClient } from '@liaowang/platform';

// Intake's job is Kafka; a slow search store must not hold up the 202.
const LOOKUP_TIMEOUT = '500ms';

/**
 * Which of these ids are stored already, for counting duplicates (R-ING-4). When the store
 * cannot answer in time, none counts as stored: the item is written again and the indexer's
 * write by id keeps one copy, so the only loss is the count.
 */
export async function storedItemIds(es: ElasticsearchClient, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  try {
    const response = await es.search(
      {
        index: itemsIndex.alias,
        ignore_unavailable: true,
        allow_no_indices: true,
        size: ids.length,
        _source: false,
        query: { ids: { values: ids } },
        timeout: LOOKUP_TIMEOUT,
      },
      { requestTimeout: 1_000, maxRetries: 0 },
    );
    return new Set(response.hits.hits.map((hit) => hit._id).filter((id): id is string => id !== undefined));
  } catch {
    return new Set();
  }
}
