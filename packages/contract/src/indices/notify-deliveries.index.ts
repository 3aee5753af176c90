import type { IndexTemplateDefinition } from './index-template';

const keyword = { type: 'keyword' } as const;

// Each attempt to deliver an outbound notice: the evidence that (and when) someone was told.
export const notifyDeliveriesIndex: IndexTemplateDefinition = {
  alias: 'liaowang-notify-deliveries',
  templateName: 'liaowang-notify-deliveries-v1',
  version: 2,
  indexPatterns: ['liaowang-notify-deliveries-v1'],
  settings: { number_of_shards: 1, number_of_replicas: 0, refresh_interval: '1s' },
  mappings: {
    dynamic: 'strict',
    properties: {
      id: keyword,
      channelId: keyword,
      subject: keyword,
      alertId: keyword,
      caseId: keyword,
      clock: keyword,
      step: { type: 'integer' },
      attempt: { type: 'integer' },
      ok: { type: 'boolean' },
      statusCode: { type: 'integer' },
      error: { type: 'text' },
      at: { type: 'date' },
    },
  },
  ofRecord: true,
};
export const NOTIFY_DELIVERIES_INDEX_NAME = 'liaowang-notify-deliveries-v1';
