import type { IndexTemplateDefinition } from './index-template';

const keyword = { type: 'keyword' } as const;

// R-UI-2: each user's saved searches, data of record; the query is kept as sent, not searched.
export const savedSearchesIndex: IndexTemplateDefinition = {
  alias: 'liaowang-saved-searches',
  templateName: 'liaowang-saved-searches-v1',
  version: 1,
  indexPatterns: ['liaowang-saved-searches-v1'],
  settings: { number_of_shards: 1, number_of_replicas: 0, refresh_interval: '1s' },
  mappings: {
    dynamic: 'strict',
    properties: {
      id: keyword,
      owner: keyword,
      name: { type: 'text', fields: { keyword } },
      query: { type: 'object', enabled: false },
      createdAt: { type: 'date' },
    },
  },
  ofRecord: true,
};
export const SAVED_SEARCHES_INDEX_NAME = 'liaowang-saved-searches-v1';
