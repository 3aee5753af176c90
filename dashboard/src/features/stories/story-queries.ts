import type { ItemSummary, StoryDetailResponse, StoryListResponse, STORY_SORTS } from '@liaowang/contract';
import type { ApiClient } from '../../api/api-client';

export type StorySort = (typeof STORY_SORTS)[number];

/** Query keys of the stories: every key starts with 'stories', so one prefix reaches them all. */
export const storyKeys = {
  all: ['stories'] as const,
  lists: ['stories', 'list'] as const,
  list: (sort: StorySort, words: string) => ['stories', 'list', { sort, words }] as const,
  detail: (id: string) => ['stories', 'detail', id] as const,
  /** A story's rising words over its own time window: a story that grew has a new window. */
  hotWords: (id: string, since: string, until: string) => ['stories', 'hot-words', id, { since, until }] as const,
};

export function storyListQuery(api: ApiClient, sort: StorySort, words: string) {
  return {
    queryKey: storyKeys.list(sort, words),
    queryFn: ({ signal }: { signal: AbortSignal }) => {
      const filter = words ? `&q=${encodeURIComponent(words)}` : '';
      return api.call<StoryListResponse>(`/stories?sort=${sort}&size=50${filter}`, { signal });
    },
  };
}

export function storyDetailQuery(api: ApiClient, id: string) {
  return {
    queryKey: storyKeys.detail(id),
    queryFn: ({ signal }: { signal: AbortSignal }) => api.call<StoryDetailResponse>(`/stories/${encodeURIComponent(id)}`, { signal }),
  };
}

/** The stories a batch of newly indexed items grew: their lists and pages are stale now. */
export function storiesTouched(items: readonly ItemSummary[]): Set<string> {
  return new Set(items.flatMap((item) => (item.storyId ? [item.storyId] : [])));
}
