import type { ItemFacets, ItemSummary, VolumeStats } from '@liaowang/contract';
import { useCallback, useEffect, useState } from 'react';
import { isAbortError } from '../../api/api-error';
import type { SearchApi } from './search-api';
import { toSearchParams, type SearchState } from './search-state';

export const SEARCH_PAGE_SIZE = 50;

export interface SearchResults {
  total: number;
  items: ItemSummary[];
  facets?: ItemFacets;
  cursor?: string;
  volume?: VolumeStats;
}

/** Runs the search, its facet counts and its volume series whenever the state changes; "load more" follows the cursor. */
export function useSearch(client: SearchApi, state: SearchState, interval: string) {
  const [results, setResults] = useState<SearchResults | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const abort = new AbortController();
    setPending(true);
    setError(null);
    const params = toSearchParams(state, { sort: state.sort, size: String(SEARCH_PAGE_SIZE) });
    Promise.all([client.items(params, abort.signal), client.volume(toSearchParams(state, { interval }), abort.signal)])
      .then(([page, volume]) => setResults({ ...page, volume }))
      .catch((e: unknown) => {
        if (!isAbortError(e)) setError(e);
      })
      .finally(() => {
        if (!abort.signal.aborted) setPending(false);
      });
    return () => abort.abort();
  }, [client, state, interval]);

  const loadMore = useCallback(async () => {
    if (!results?.cursor) return;
    setPending(true);
    try {
      const params = toSearchParams(state, { sort: state.sort, size: String(SEARCH_PAGE_SIZE), cursor: results.cursor, facets: 'false' });
      const page = await client.items(params);
      setResults((current) => current && { ...current, items: [...current.items, ...page.items], cursor: page.cursor });
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  }, [client, state, results?.cursor]);

  return { results, pending, error, loadMore };
}
