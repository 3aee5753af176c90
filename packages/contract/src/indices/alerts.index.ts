import type { IndexTemplateDefinition } from './index-template';

const keyword = { type: 'keyword' } as const;
const date = { type: 'date' } as const;

// R-ALR-3: alerts are data of record (one index: a duty office raises hundreds a day, not millions).
export const alertsIndex: IndexTemplateDefinition = {
  alias: 'liaowang-alerts',
  templateName: 'liaowang-alerts-v1',
  version: 1,
  indexPatterns: ['liaowang-alerts-v1'],
  settings: { number_of_shards: 1, number_of_replicas: 0, refresh_interval: '1s' },
  mappings: {
    dynamic: 'strict',
    properties: {
      id: keyword,
      cursor: { type: 'long' },
      groupKey: keyword,
      ruleId: keyword,
      ruleVersion: { type: 'integer' },
      // Snapshot of the rule version that fired it (STYLE habit 7); shown, not searched.
      rule: { type: 'object', enabled: false },
      severity: keyword,
      state: keyword,
      count: { type: 'integer' },
      firstAt: date,
      lastAt: date,
      reasons: keyword,
      items: { type: 'object', enabled: false },
      timeline: { type: 'object', enabled: false },
      dismissReason: keyword,
      updatedAt: date,
      lastTriggerOffset: { type: 'long' },
    },
  },
  ofRecord: true,
};
export const ALERTS_INDEX_NAME = 'liaowang-alerts-v1';
