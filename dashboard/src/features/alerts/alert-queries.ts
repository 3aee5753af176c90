import type { Alert } from '@liaowang/contract';
import type { ApiClient } from '../../api/api-client';

/** Query keys of the alerts: the inbox (the newest page, kept live) and single alerts by id. */
export const alertKeys = {
  all: ['alerts'] as const,
  inbox: ['alerts', 'inbox'] as const,
  detail: (id: string) => ['alerts', 'detail', id] as const,
};

export function alertDetailQuery(api: ApiClient, id: string) {
  return {
    queryKey: alertKeys.detail(id),
    queryFn: ({ signal }: { signal: AbortSignal }) => api.call<Alert>(`/alerts/${encodeURIComponent(id)}`, { signal }),
  };
}
