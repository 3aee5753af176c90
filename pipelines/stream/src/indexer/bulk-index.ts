import {
  itemsIndexFor,
  toItemDocument,
  type EnrichedItem,
} from '@liaowang/contract';
import { resolvePlace } from '@liaowang/nlp';
import type { ElasticsearchClient } from '@liaowang/platform';
import type { ItemHome } from '../item-homes';

export class RetryableIndexError extends Error {}

export interface BulkOutcome {
  indexed: EnrichedItem[];
  /** Items Elasticsearch refused for good (e.g. a mapping conflict), with its reason. */
  refused: { item: EnrichedItem; reason: string }[];
}

/**
 * Writes items with their id as the document id into their home month index, so a redelivered
 * or re-sent batch overwrites rather than duplicates (R-REL-1, R-ING-4, R-ENR-7); copies of an
 * id in other months are deleted in the same request. Each document gets the province / city its
 * region field or its text names (issue 10 item 3). Throttling and server errors throw a
 * retryable error.
 */
export async function bulkIndex(
  client: ElasticsearchClient,
  items: EnrichedItem[],
  homes: ReadonlyMap<string, ItemHome> = new Map(),
): Promise<BulkOutcome> {
  if (items.length === 0) return { indexed: [], refused: [] };
  const operations: object[] = items.flatMap((item) => [
    { index: { _index: homes.get(item.id)?.index ?? itemsIndexFor(item.publishedAt), _id: item.id } },
    toItemDocument(item, resolvePlace({ region: item.region, tokens: item.enrichment.tokens })),
  ]);
  // After the writes, so the response's first entries line up with the items.
  for (const item of items) {
    for (const stray of homes.get(item.id)?.strays ?? []) operations.push({ delete: { _index: stray, _id: item.id } });
  }
  // Only what classifyBulkResponse reads: each entry keeps its place and status, so the answer to a
  // batch of hundreds is a fraction of the size to parse (ids, versions and shard counts dropped).
  const response = await client.bulk({ operations, filter_path: ['errors', 'items.*.status', 'items.*.error'] });
  return classifyBulkResponse(items, response);
}

type BulkResponse = Awaited<ReturnType<ElasticsearchClient['bulk']>>;

/** Which items were written and which refused for good; throttling and server errors throw. */
export function classifyBulkResponse(items: EnrichedItem[], response: BulkResponse): BulkOutcome {
  if (!response.errors) return { indexed: items, refused: [] };
  const outcome: BulkOutcome = { indexed: [], refused: [] };
  for (const entry of response.items.slice(items.length)) {
    // A stray copy already gone is what was wanted; anything else is tried again with the batch.
    const result = entry.delete;
    if (result?.error && result.status !== 404) throw new RetryableIndexError(`bulk delete ${result.status}: ${result.error.reason}`);
  }
  response.items.slice(0, items.length).forEach((entry, i) => {
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
