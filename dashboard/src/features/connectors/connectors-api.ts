import type { ConnectorStatus, Feed, FeedInput, FeedUpdate } from '@liaowang/contract';
import type { ApiClient } from '../../api/api-client';

/** Query keys of the connectors page: the statuses and the feeds (a feed is a connector too). */
export const connectorKeys = {
  all: ['connectors'] as const,
  statuses: ['connectors', 'statuses'] as const,
  feeds: ['connectors', 'feeds'] as const,
};

/** Connectors with their status, pause / resume, and the RSS / Atom feeds (R-ING-2). */
export function connectorsApi(api: ApiClient) {
  return {
    connectors: (signal?: AbortSignal) => api.call<ConnectorStatus[]>('/connectors', { signal }),
    pause: (id: string) => api.call<ConnectorStatus>(`/connectors/${encodeURIComponent(id)}/pause`, { method: 'POST' }),
    resume: (id: string) => api.call<ConnectorStatus>(`/connectors/${encodeURIComponent(id)}/resume`, { method: 'POST' }),
    feeds: (signal?: AbortSignal) => api.call<Feed[]>('/feeds', { signal }),
    addFeed: (input: FeedInput) => api.call<Feed>('/feeds', { method: 'POST', body: input }),
    updateFeed: (id: string, update: FeedUpdate) => api.call<Feed>(`/feeds/${encodeURIComponent(id)}`, { method: 'PUT', body: update }),
    removeFeed: (id: string) => api.call<Feed>(`/feeds/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  };
}
export type ConnectorsApi = ReturnType<typeof connectorsApi>;
