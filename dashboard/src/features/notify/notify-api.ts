import type { EscalationPolicy, EscalationPolicyInput, NotifyChannel, NotifyChannelInput, NotifyChannelUpdate, NotifyDelivery } from '@liaowang/contract';
import type { ApiClient } from '../../api/api-client';

/** Query keys of the notify page: the policy, the channels and the record of deliveries. */
export const notifyKeys = {
  all: ['notify'] as const,
  policy: ['notify', 'policy'] as const,
  channels: ['notify', 'channels'] as const,
  deliveries: ['notify', 'deliveries'] as const,
};

/** The escalation policy and outbound-notice routes of issue 8 (admins). */
export function notifyApi(api: ApiClient) {
  return {
    policy: (signal?: AbortSignal) => api.call<EscalationPolicy>('/escalation-policy', { signal }),
    savePolicy: (input: EscalationPolicyInput) => api.call<EscalationPolicy>('/escalation-policy', { method: 'PUT', body: input }),
    channels: (signal?: AbortSignal) => api.call<NotifyChannel[]>('/notify-channels', { signal }),
    addChannel: (input: NotifyChannelInput) => api.call<NotifyChannel>('/notify-channels', { method: 'POST', body: input }),
    updateChannel: (id: string, update: NotifyChannelUpdate) => api.call<NotifyChannel>(`/notify-channels/${encodeURIComponent(id)}`, { method: 'PUT', body: update }),
    deliveries: (signal?: AbortSignal) => api.call<NotifyDelivery[]>('/notify-deliveries?size=50', { signal }),
  };
}
export type NotifyApi = ReturnType<typeof notifyApi>;
