import type { IndexTemplateDefinition } from './index-template';

const keyword = { type: 'keyword' } as const;
const date = { type: 'date' } as const;
const count = { type: 'long' } as const;

// Connector statuses (R-ING-2): written by intake, counts added up by scripted updates so
// several intake instances share one document per connector; `paused` is set by the API.
// Operational, not of record: rebuilt as connectors run.
export const connectorsIndex: IndexTemplateDefinition = {
  alias: 'liaowang-connectors',
  templateName: 'liaowang-connectors-v1',
  version: 1,
  indexPatterns: ['liaowang-connectors-v1'],
  settings: { number_of_shards: 1, number_of_replicas: 0, refresh_interval: '1s' },
  mappings: {
    dynamic: 'strict',
    properties: {
      id: keyword,
      type: keyword,
      name: keyword,
      state: keyword,
      paused: { type: 'boolean' },
      pausedBy: keyword,
      pausedAt: date,
      lastRunAt: date,
      lastSuccessAt: date,
      lastError: { type: 'text' },
      lastErrorAt: date,
      accepted: count,
      rejected: count,
      duplicate: count,
      skipped: count,
      updatedAt: date,
    },
  },
  ofRecord: false,
};
export const CONNECTORS_INDEX_NAME = 'liaowang-connectors-v1';

// The RSS / Atom feeds admins add: data of record, read by intake each poll interval.
export const feedsIndex: IndexTemplateDefinition = {
  alias: 'liaowang-feeds',
  templateName: 'liaowang-feeds-v1',
  version: 1,
  indexPatterns: ['liaowang-feeds-v1'],
  settings: { number_of_shards: 1, number_of_replicas: 0, refresh_interval: '1s' },
  mappings: {
    dynamic: 'strict',
    properties: {
      id: keyword,
      url: keyword,
      platform: keyword,
      intervalSeconds: { type: 'integer' },
      keywords: keyword,
      createdAt: date,
      createdBy: keyword,
      updatedAt: date,
      updatedBy: keyword,
    },
  },
  ofRecord: true,
};
export const FEEDS_INDEX_NAME = 'liaowang-feeds-v1';
