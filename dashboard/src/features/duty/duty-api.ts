import type { DutyNow, Handover, HandoverPreview, RosterReplace, RosterView } from '@liaowang/contract';
import type { ApiClient } from '../../api/api-client';

/** Query keys of the duty watch: who is on now (the header), the roster by week, the handovers. */
export const dutyKeys = {
  all: ['duty'] as const,
  now: ['duty', 'now'] as const,
  roster: (from: string, to: string) => ['duty', 'roster', { from, to }] as const,
  handovers: ['duty', 'handovers'] as const,
  preview: ['duty', 'handover-preview'] as const,
};

/** The duty-watch routes (R-ALR-4) on the session's client. */
export function dutyApi(api: ApiClient) {
  return {
    now: (signal?: AbortSignal) => api.call<DutyNow>('/duty/now', { signal }),
    roster(from: string, to: string, signal?: AbortSignal): Promise<RosterView> {
      const params = new URLSearchParams({ from, to });
      return api.call<RosterView>(`/roster?${params.toString()}`, { signal });
    },
    saveRoster: (body: RosterReplace) => api.call<RosterView>('/roster', { method: 'PUT', body }),
    handovers: (limit = 20, signal?: AbortSignal) => api.call<Handover[]>(`/duty/handovers?limit=${limit}`, { signal }),
    preview: (signal?: AbortSignal) => api.call<HandoverPreview>('/duty/handovers/preview', { signal }),
    writeHandover: (note: string) => api.call<Handover>('/duty/handovers', { method: 'POST', body: { note } }),
    confirm: (id: string) => api.call<Handover>(`/duty/handovers/${encodeURIComponent(id)}/confirm`, { method: 'POST', body: {} }),
  };
}
export type DutyApi = ReturnType<typeof dutyApi>;
