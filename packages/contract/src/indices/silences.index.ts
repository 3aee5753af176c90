import type { IndexTemplateDefinition } from './index-template';

const keyword = { type: 'keyword' } as const;
const date = { type: 'date' } as const;

// R-ALR-3: who muted which rule until when, and why: data of record.
export const silencesIndex: IndexTemplateDefinition = {
  alias: 'liaowang-silences',
  templateName: 'liaowang-silences-v1',
  version: 1,
  indexPatterns: ['liaowang-silences-v1'],
  settings: { number_of_shards: 1, number_of_replicas: 0, refresh_interval: '1s' },
  mappings: {
    dynamic: 'strict',
    properties: {
      id: keyword,
      ruleId: keyword,
      until: date,
      reason: { type: 'text' },
      createdAt: date,
      createdBy: keyword,
      liftedAt: date,
      liftedBy: keyword,
    },
  },
  ofRecord: true,
};
export const SILENCES_INDEX_NAME = 'liaowang-silences-v1';
