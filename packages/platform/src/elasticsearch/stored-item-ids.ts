import { itemsIndex } from '@liaowang/contract';
import type { TransportRequestOptions } from '@elastic/elasticsearch';
import type { ElasticsearchClient } from './elasticsearch.port';

// A search answers at most 10,000 hits; look up in slices well under that.
const LOOKUP_SLICE = 2_000;

/**
 * Which of these item ids are stored already (R-ING-4: duplicates are counted, not written
 * again). An ids query across every month index behind the items alias, as a get by id would
 * need the one concrete index; no items index yet means none stored. Throws when Elasticsearch
 * cannot answer: the caller decides whether that stops it (import) or only costs the count (intake).
 */
export async function storedItemIds(es: ElasticsearchClient, ids: readonly string[], options: StoredIdOptions = {}): Promise<Set<string>> {
  const stored = new Set<string>();
  for (let at = 0; at < ids.length; at += LOOKUP_SLICE) {
    const slice = ids.slice(at, at + LOOKUP_SLICE);
    const response = await es.search(
      {
        index: itemsIndex.alias,
        ignore_unavailable: true,
        allow_no_indices: true,
        size: slice.length,
        _source: false,
        query: { ids: { values: slice } },
        filter_path: ['hits.hits._id'],
        ...(options.searchTimeout ? { timeout: options.searchTimeout } : {}),
      },
      options.request,
    );
    for (const hit of response.hits?.hits ?? []) if (typeof hit._id === 'string') stored.add(hit._id);
  }
  return stored;
}

export interface StoredIdOptions {
  /** Elasticsearch's own time limit for the search, e.g. '500ms'. */
  searchTimeout?: string;
  /** Client-side limits (request timeout, retries). */
  request?: TransportRequestOptions;
}
