import { itemSummarySchema, summarizeItem, type ItemSummary } from '../enriched-item';
import { itemsEnrichedTopic } from './items-enriched.topic';
import type { TopicDefinition } from './topic-definition';

// Published by the indexer only after Elasticsearch accepted the item, so a dashboard that
// shows it live can also find it by search.
export const itemsIndexedTopic: TopicDefinition<ItemSummary> = {
  name: 'liaowang.items.indexed.v1',
  key: 'item id',
  partitions: 3,
  retentionMs: 24 * 3600 * 1000,
  producers: ['indexer'],
  consumers: ['api (live gateway, one group per instance)'],
  schemaVersion: 1,
  schema: itemSummarySchema,
  example: summarizeItem(itemsEnrichedTopic.example),
};
