import type { AlertRule, AlertRuleInput, AlertRulePreview, AlertRuleUpdate } from '@liaowang/contract';
import type { ApiClient } from '../../api/api-client';

/** Query keys of the alert rules: one list, read by every role. */
export const ruleKeys = {
  all: ['alert-rules'] as const,
  list: ['alert-rules', 'list'] as const,
};

/** The rule routes of issue 8 on the session's client. */
export function alertRulesApi(api: ApiClient) {
  return {
    list: (signal?: AbortSignal) => api.call<AlertRule[]>('/alert-rules', { signal }),
    create: (input: AlertRuleInput) => api.call<AlertRule>('/alert-rules', { method: 'POST', body: input }),
    update: (id: string, input: AlertRuleUpdate) => api.call<AlertRule>(`/alert-rules/${encodeURIComponent(id)}`, { method: 'PUT', body: input }),
    preview: (input: AlertRuleInput) => api.call<AlertRulePreview>('/alert-rules/preview', { method: 'POST', body: input }),
  };
}
