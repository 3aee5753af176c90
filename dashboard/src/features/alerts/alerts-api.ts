import type { Alert, AlertListResponse, AlertState, DismissAlert, Silence, SilenceInput } from '@liaowang/contract';
import type { ApiClient } from '../../api/api-client';

export const INBOX_PAGE_SIZE = 100;

/** The alert routes of issue 8, on the session's client (401 ends the session there). */
export function alertsApi(api: ApiClient) {
  return {
    list(state: AlertState | undefined, signal?: AbortSignal): Promise<AlertListResponse> {
      const params = new URLSearchParams({ size: String(INBOX_PAGE_SIZE) });
      if (state) params.set('state', state);
      return api.call<AlertListResponse>(`/alerts?${params.toString()}`, { signal });
    },
    ack: (id: string) => api.call<Alert>(`/alerts/${encodeURIComponent(id)}/ack`, { method: 'POST', body: {} }),
    dismiss: (id: string, body: DismissAlert) => api.call<Alert>(`/alerts/${encodeURIComponent(id)}/dismiss`, { method: 'POST', body }),
    silence: (body: SilenceInput) => api.call<Silence>('/silences', { method: 'POST', body }),
    promote: (id: string) => api.call<Alert>(`/alerts/${encodeURIComponent(id)}/promote`, { method: 'POST', body: {} }),
  };
}
export type AlertsApi = ReturnType<typeof alertsApi>;
