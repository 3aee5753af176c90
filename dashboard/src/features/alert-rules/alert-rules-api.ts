import type { AlertRule, AlertRuleInput, AlertRulePreview, AlertRuleUpdate } from '@liaowang/contract';
import type { ApiClient } from '../../api/api-client';

/** The rule routes of issue 8 on the session's client. */
export function alertRulesApi(api: ApiClient) {
  return {
    list: (signal?: AbortSignal) => api.call<AlertRule[]>('/alert-rules', { signal }),
    create: (input: AlertRuleInput) => api.call<AlertRule>('/alert-rules', { method: 'POST', body: input }),
    update: (id: string, input: AlertRuleUpdate) => api.call<AlertRule>(`/alert-rules/${encodeURIComponent(id)}`, { method: 'PUT', body: input }),
    preview: (input: AlertRuleInput) => api.call<AlertRulePreview>('/alert-rules/preview', { method: 'POST', body: input }),
  };
}
