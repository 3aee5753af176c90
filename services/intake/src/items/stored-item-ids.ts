import { storedItemIds, type ElasticsearchClient } from '@liaowang/platform';

// Intake's job is Kafka; a slow search store must not hold up the 202.
const LOOKUP = { searchTimeout: '500ms', request: { requestTimeout: 1_000, maxRetries: 0 } };

/**
 * Which of these ids are stored already, for counting duplicates (R-ING-4). When the store
 * cannot answer in time, none counts as stored: the item is written again and the indexer's
 * write by id keeps one copy, so the only loss is the count.
 */
export async function storedItemIdsOrNone(es: ElasticsearchClient, ids: string[]): Promise<Set<string>> {
  try {
    return await storedItemIds(es, ids, LOOKUP);
  } catch {
    return new Set();
  }
}
