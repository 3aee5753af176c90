import { enrichedItemSchema, type EnrichedItem } from '../enriched-item';
import { mentionsRawTopic } from './items-raw-mention.topic';
import type { TopicDefinition } from './topic-definition';

const raw = mentionsRawTopic.example;

export const itemsEnrichedTopic: TopicDefinition<EnrichedItem> = {
  name: 'liaowang.items.enriched.v1',
  key: 'threadId, carried over from the raw topic',
  partitions: 6,
  retentionMs: 7 * 24 * 3600 * 1000,
  producers: ['enricher'],
  consumers: ['indexer'],
  schemaVersion: 1,
  schema: enrichedItemSchema,
  example: {
    ...raw,
    enrichment: {
      normalized: raw.text,
      tokens: ['网传', '市区', '明天', '全部', '停课', '，', '有人', '知道', '是', '真的', '吗', '？'],
      sentiment: { label: 'neutral', score: 0.61 },
      rumor: { score: 0.72, reasons: ['hearsay:网传', 'official_decision:停课'] },
      categories: [],
      pii: [],
      masked: raw.text,
      fingerprint: '9f2c4a1b7d3e5f60',
      modelVersion: 'nlp-0.1.0',
    },
    enrichedAt: '2026-11-23T09:30:02+08:00',
  },
};
