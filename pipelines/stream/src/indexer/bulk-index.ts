import {
  itemsIndexFor,
  toItemDocument,
  type EnrichedItem,
} from '@liaowang/contract';
import type { ElasticsearchClient } from '@liaowang/platform';

export class RetryableIndexError extends Error {}

export interface BulkOutcome {
  indexed: EnrichedItem[];
  /** Items Elasticsearch refused for good (e.g. a mapping conflict), with its reason. */
  refused: { item: EnrichedItem; reason: string }[];
}

/**
 * Writes items with their id as the document id, so a redelivered batch overwrites rather
 * than duplicates (R-REL-1, R-ING-4). Throttling and server errors throw a retryable error.
 */
export async function bulkIndex(client: ElasticsearchClient, items: EnrichedItem[]): Promise<BulkOutcome> {
  if (items.length === 0) return { indexed: [], refused: [] };
  const operations = items.flatMap((item) => [
    { index: { _index: itemsIndexFor(item.publishedAt), _id: item.id } },
    toItemDocument(item),
  ]);
  const response = await client.bulk({ operations });
  return classifyBulkResponse(items, response);
}

type BulkResponse = Awaited<ReturnType<ElasticsearchClient['bulk']>>;

/** Which items were written and which refused for good; throttling and server errors throw. */
export function classifyBulkResponse(items: EnrichedItem[], response: BulkResponse): BulkOutcome {
  if (!response.errors) return { indexed: items, refused: [] };
  const outcome: BulkOutcome = { indexed: [], refused: [] };
  response.items.forEach((entry, i) => {
    const result = entry.index;
    if (!result?.error) {
      outcome.indexed.push(items[i]);
    } else if (result.status === 429 || result.status >= 500) {
      throw new RetryableIndexError(`bulk item ${result.status}: ${result.error.reason}`);
    } else {
      outcome.refused.push({ item: items[i], reason: `${result.error.type}: ${result.error.reason}` });
    }
  });
  return outcome;
}
