import { deadLetterTopic } from './dead-letter.topic';
import { itemsEnrichedTopic } from './items-enriched.topic';
import { itemsRawTopic } from './items-raw.topic';

export * from './topic-definition';
export * from './dead-letter.topic';
export * from './items-enriched.topic';
export * from './items-raw.topic';

export const ALL_TOPICS = [itemsRawTopic, itemsEnrichedTopic, deadLetterTopic] as const;
