import { itemsIndex, itemsIndexFor } from '@liaowang/contract';
import type { ElasticsearchClient } from '@liaowang/platform';

/** Where an item's document lives (its home) and any older copies to remove. */
export interface ItemHome {
  index: string;
  /** Month indices that also hold this id (copies written before the one-document rule). */
  strays: string[];
}

/**
 * The month indices that hold each id, as the last refresh of the items alias sees them: one
 * search over the alias, ids only, no source.
 */
export async function storedHomes(es: ElasticsearchClient, ids: readonly string[]): Promise<Map<string, string[]>> {
  const homes = new Map<string, string[]>();
  if (ids.length === 0) return homes;
  const unique = [...new Set(ids)];
  const response = await es.search({
    index: itemsIndex.alias,
    size: unique.length * 2,
    query: { ids: { values: unique } },
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
