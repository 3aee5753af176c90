import type { IndexTemplateDefinition } from './index-template';

const keyword = { type: 'keyword' } as const;
const date = { type: 'date' } as const;

// Outbound notice channels, admin-managed, data of record. URL and secret are stored, not indexed.
export const notifyChannelsIndex: IndexTemplateDefinition = {
  alias: 'liaowang-notify-channels',
  templateName: 'liaowang-notify-channels-v1',
  version: 1,
  indexPatterns: ['liaowang-notify-channels-v1'],
  settings: { number_of_shards: 1, number_of_replicas: 0, refresh_interval: '1s' },
  mappings: {
    dynamic: 'strict',
    properties: {
      id: keyword,
      name: keyword,
      kind: keyword,
      url: { type: 'keyword', index: false },
      secret: { type: 'keyword', index: false },
      enabled: { type: 'boolean' },
      minSeverity: keyword,
      escalations: { type: 'boolean' },
      createdAt: date,
      createdBy: keyword,
      updatedAt: date,
      updatedBy: keyword,
    },
  },
  ofRecord: true,
};
export const NOTIFY_CHANNELS_INDEX_NAME = 'liaowang-notify-channels-v1';
