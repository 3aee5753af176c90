import type { ItemFacets, ItemSummary, VolumeStats } from '@liaowang/contract';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { SearchApi } from './search-api';
import { searchStateToParams, toSearchParams, type SearchState } from './search-state';

export const SEARCH_PAGE_SIZE = 50;

export interface SearchResults {
  total: number;
  items: ItemSummary[];
  facets?: ItemFacets;
  cursor?: string;
  volume?: VolumeStats;
}

/** Query keys of the search console: one per search (its address) and, for the series, per interval. */
export const searchKeys = {
  all: ['search'] as const,
  items: (state: SearchState) => ['search', 'items', searchStateToParams(state).toString()] as const,
  volume: (state: SearchState, interval: string) => ['search', 'volume', searchStateToParams(state).toString(), interval] as const,
};

/**
 * Runs the search, its facet counts and its volume series through the query cache: going back to
 * an earlier search shows it at once. "Load more" follows the cursor as the next page.
 */
export function useSearch(client: SearchApi, state: SearchState, interval: string) {
  const items = useInfiniteQuery({
    queryKey: searchKeys.items(state),
    queryFn: ({ pageParam, signal }) =>
      client.items(toSearchParams(state, { sort: state.sort, size: String(SEARCH_PAGE_SIZE), cursor: pageParam, facets: pageParam ? 'false' : undefined }), signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.cursor,
    placeholderData: keepPreviousData,
  });
  const volume = useQuery({
    queryKey: searchKeys.volume(state, interval),
    queryFn: ({ signal }) => client.volume(toSearchParams(state, { interval }), signal),
    placeholderData: keepPreviousData,
  });

  const pages = items.data?.pages;
  const results: SearchResults | null = pages?.length
    ? { total: pages[0].total, items: pages.flatMap((page) => page.items), facets: pages[0].facets, cursor: pages[pages.length - 1].cursor, volume: volume.data }
    : null;
  return {
    results,
    pending: items.isFetching || volume.isFetching,
    error: items.error ?? volume.error,
    loadMore: () => items.fetchNextPage(),
  };
}
