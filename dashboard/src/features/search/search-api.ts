import type { ItemSearchResponse, SavedSearch, SavedSearchInput, VolumeStats } from '@liaowang/contract';
import type { ApiClient } from '../../api/api-client';

/** Query key of the signed-in user's saved searches. */
export const savedSearchKeys = { all: ['saved-searches'] as const };

/** The search routes (issue 10), on the session's client. */
export function searchApi(api: ApiClient) {
  return {
    items: (params: URLSearchParams, signal?: AbortSignal) => api.call<ItemSearchResponse>(`/items?${params.toString()}`, { signal }),
    volume: (params: URLSearchParams, signal?: AbortSignal) => api.call<VolumeStats>(`/stats/volume?${params.toString()}`, { signal }),
    savedList: (signal?: AbortSignal) => api.call<SavedSearch[]>('/saved-searches', { signal }),
    save: (body: SavedSearchInput) => api.call<SavedSearch>('/saved-searches', { method: 'POST', body }),
    remove: (id: string) => api.call<SavedSearch>(`/saved-searches/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  };
}
export type SearchApi = ReturnType<typeof searchApi>;
