import type { IndexTemplateDefinition } from './index-template';

const keyword = { type: 'keyword' } as const;
const date = { type: 'date' } as const;

// R-ALR-3: pending escalations survive a restart because they are records, not in-process
// timers; document id `<alertId>:<step>`, claimed with if_seq_no so one instance fires each.
export const escalationTimersIndex: IndexTemplateDefinition = {
  alias: 'liaowang-escalation-timers',
  templateName: 'liaowang-escalation-timers-v1',
  version: 1,
  indexPatterns: ['liaowang-escalation-timers-v1'],
  settings: { number_of_shards: 1, number_of_replicas: 0, refresh_interval: '1s' },
  mappings: {
    dynamic: 'strict',
    properties: {
      id: keyword,
      alertId: keyword,
      ruleId: keyword,
      severity: keyword,
      step: { type: 'integer' },
      target: keyword,
      notify: { type: 'boolean' },
      channelIds: keyword,
      policyVersion: { type: 'integer' },
      dueAt: date,
      state: keyword,
      createdAt: date,
      claimedAt: date,
      claimedBy: keyword,
      firedAt: date,
      notifiedUser: keyword,
      cancelledReason: keyword,
    },
  },
  ofRecord: true,
};
export const ESCALATION_TIMERS_INDEX_NAME = 'liaowang-escalation-timers-v1';
