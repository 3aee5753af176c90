import { itemsIndex } from '@liaowang/contract';
import type { ElasticsearchClient } from '@liaowang/platform';

// Intake's job is Kafka; a slow search store must not hold up the 202.
const LOOKUP_TIMEOUT = '500ms';
const LOOKUP_SLICE = 2_000;

/**
 * Which of these ids are stored already, for counting duplicates (R-ING-4). When the store
 * cannot answer in time, none counts as stored: the item is written again and the indexer's
 * write by id keeps one copy, so the only loss is the count.
 */
export async function storedItemIds(es: ElasticsearchClient, ids: string[]): Promise<Set<string>> {
  const stored = new Set<string>();
  // A search answers at most 10,000 hits; look up in slices well under that.
  for (let at = 0; at < ids.length; at += LOOKUP_SLICE) {
    for (const id of await storedAmong(es, ids.slice(at, at + LOOKUP_SLICE))) stored.add(id);
  }
  return stored;
}

async function storedAmong(es: ElasticsearchClient, ids: string[]): Promise<Set<string>> {
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
