import type { ItemKind, RawItem } from '../item';
import { commentsRawTopic } from './items-raw-comment.topic';
import { impostorReportsRawTopic } from './items-raw-impostor-report.topic';
import { mentionsRawTopic } from './items-raw-mention.topic';
import type { TopicDefinition } from './topic-definition';

/** One raw topic per kind of item (R-ING-3); the enricher reads all of them. */
export const ITEMS_RAW_TOPICS: Record<ItemKind, TopicDefinition<RawItem>> = {
  mention: mentionsRawTopic,
  comment: commentsRawTopic,
  impostor_report: impostorReportsRawTopic,
};

/** The raw topic an item of this kind is written to. */
export function rawTopicFor(kind: ItemKind): TopicDefinition<RawItem> {
  return ITEMS_RAW_TOPICS[kind];
}

/**
 * The one raw topic of every kind before there was a topic per kind. Nothing writes to it any
 * more; the enricher still reads it, so what was on it when a node was upgraded is not lost.
 */
export const legacyItemsRawTopic: TopicDefinition<RawItem> = {
  ...mentionsRawTopic,
  name: 'liaowang.items.raw.v1',
  key: 'threadId',
  producers: ['intake before per-kind topics (none now)'],
};

/** Every topic the enricher reads. */
export const ALL_ITEMS_RAW_TOPICS = [mentionsRawTopic, commentsRawTopic, impostorReportsRawTopic, legacyItemsRawTopic] as const;
