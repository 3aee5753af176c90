import { itemsIndex, itemsIndexFor } from '@liaowang/contract';
import type { ElasticsearchClient } from '@liaowang/platform';

/** Where an item's document lives (its home) and any older copies to remove. */
export interface ItemHome {
  index: string;
  /** Month indices that also hold this id (copies written before the one-document rule). */
  strays: string[];
}

/**
 * Ids per search: each may be held by two month indices (a copy written before the one-document
 * rule), and a search answers at most 10,000 hits (index.max_result_window), so a larger batch
 * is looked up in parts instead of being refused, which would stall its partition.
 */
const HOME_LOOKUP_IDS = 4_000;

/**
 * The month indices that hold each id, as the last refresh of the items alias sees them: one
 * search over the alias per HOME_LOOKUP_IDS ids, ids only, no source.
 */
export async function storedHomes(es: ElasticsearchClient, ids: readonly string[]): Promise<Map<string, string[]>> {
  const homes = new Map<string, string[]>();
  const unique = [...new Set(ids)];
  for (let start = 0; start < unique.length; start += HOME_LOOKUP_IDS) {
    const part = unique.slice(start, start + HOME_LOOKUP_IDS);
    const response = await es.search({
      index: itemsIndex.alias,
      size: part.length * 2,
      query: { ids: { values: part } },
      _source: false,
      track_total_hits: false,
      // A shard still recovering would hide the copy it holds, and the item would get a second home.
      allow_partial_search_results: false,
      ignore_unavailable: true,
      allow_no_indices: true,
    });
    for (const hit of response.hits.hits) {
      const found = homes.get(hit._id!) ?? [];
      found.push(hit._index);
      homes.set(hit._id!, found);
    }
  }
  return homes;
}

/**
 * The one-document rule (R-ENR-7): an item lives in the month index of its first sending, so a
 * re-send with a publishedAt in another month overwrites it there instead of adding a second
 * copy. Of several stored copies the earliest month is the home and the others are strays.
 */
export function chooseHome(publishedAt: string, stored: readonly string[] | undefined): ItemHome {
  if (!stored || stored.length === 0) return { index: itemsIndexFor(publishedAt), strays: [] };
  const [index, ...strays] = [...new Set(stored)].sort();
  return { index, strays };
}
