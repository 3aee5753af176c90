import { ensureIndex, type ElasticsearchClient } from '@liaowang/platform';

/**
 * Creates each month index before the first bulk write into it, once per process: an index
 * that a bulk request auto-creates joins the read alias before its shard has started, and
 * searches in that moment fail (the API then answers 503).
 */
export function monthIndexPreparer(es: ElasticsearchClient): (indices: readonly string[]) => Promise<void> {
  const ready = new Set<string>();
  return async (indices) => {
    for (const index of new Set(indices)) {
      if (ready.has(index)) continue;
      await ensureIndex(es, index);
      ready.add(index);
    }
  };
}
