import { deadLetterTopic } from './dead-letter.topic';
import { itemsEnrichedTopic } from './items-enriched.topic';
import { itemsIndexedTopic } from './items-indexed.topic';
import { itemsRawTopic } from './items-raw.topic';

export * from './topic-definition';
export * from './dead-letter.topic';
export * from './items-enriched.topic';
export * from './items-indexed.topic';
export * from './items-raw.topic';

export const ALL_TOPICS = [itemsRawTopic, itemsEnrichedTopic, itemsIndexedTopic, deadLetterTopic] as const;
