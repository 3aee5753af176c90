import { ITEM_SORTS, type ItemSort, type SavedSearchQuery } from '@liaowang/contract';

/** The facets the page filters by, in the order the chips and counts show them. */
export const FACETS = ['kind', 'platform', 'sentiment', 'category', 'region', 'province', 'author'] as const;
export type FacetName = (typeof FACETS)[number];

export interface SearchState {
  q: string;
  filters: Partial<Record<FacetName, string[]>>;
  sort: ItemSort;
}

export const EMPTY_SEARCH: SearchState = { q: '', filters: {}, sort: 'newest' };

/** Adds a facet value as a filter, or takes it away when it is there already. */
export function toggleFilter(state: SearchState, facet: FacetName, value: string): SearchState {
  const current = state.filters[facet] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const filters = { ...state.filters, [facet]: next };
  if (!next.length) delete filters[facet];
  return { ...state, filters };
}

/** The active filters as chips: one per facet value. */
export function chipsOf(state: SearchState): { facet: FacetName; value: string }[] {
  return FACETS.flatMap((facet) => (state.filters[facet] ?? []).map((value) => ({ facet, value })));
}

/** Query parameters of GET /items and /stats/*: the words, each facet as a comma list, the sort. */
export function toSearchParams(state: SearchState, extra: Record<string, string | undefined> = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const facet of FACETS) {
    const values = state.filters[facet];
    if (values?.length) params.set(facet, values.join(','));
  }
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) params.set(key, value);
  return params;
}

export function toSavedQuery(state: SearchState): SavedSearchQuery {
  const query: SavedSearchQuery = { sort: state.sort };
  if (state.q.trim()) query.q = state.q.trim();
  for (const facet of FACETS) {
    const values = state.filters[facet];
    if (values?.length) (query as Record<string, unknown>)[facet] = values;
  }
  return query;
}

export function fromSavedQuery(query: SavedSearchQuery): SearchState {
  const filters: SearchState['filters'] = {};
  for (const facet of FACETS) {
    const values = query[facet];
    if (values?.length) filters[facet] = [...values];
  }
  return { q: query.q ?? '', filters, sort: query.sort ?? 'newest' };
}

/** The search as the page's address says it (`/search?q=停水&platform=weibo&sort=risk`). */
export function searchStateFromParams(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const facet of FACETS) {
    const values = (params.get(facet) ?? '').split(',').filter(Boolean);
    if (values.length) filters[facet] = values;
  }
  const sort = params.get('sort');
  return { q: params.get('q') ?? '', filters, sort: (ITEM_SORTS as readonly string[]).includes(sort ?? '') ? (sort as ItemSort) : EMPTY_SEARCH.sort };
}

/** The address of a search: the words, the facets and a sort other than the default. */
export function searchStateToParams(state: SearchState): URLSearchParams {
  return toSearchParams(state, { sort: state.sort === EMPTY_SEARCH.sort ? undefined : state.sort });
}
