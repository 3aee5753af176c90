import { alertTriggersTopic } from './alert-triggers.topic';
import { alertsTopic } from './alerts.topic';
import { casesTopic } from './cases.topic';
import { deadLetterTopic } from './dead-letter.topic';
import { itemsEnrichedTopic } from './items-enriched.topic';
import { itemsIndexedTopic } from './items-indexed.topic';
import { spikesTopic } from './spikes.topic';
import { ALL_ITEMS_RAW_TOPICS } from './items-raw.topic';

export * from './topic-definition';
export * from './alert-triggers.topic';
export * from './alerts.topic';
export * from './cases.topic';
export * from './dead-letter.topic';
export * from './items-enriched.topic';
export * from './items-indexed.topic';
export * from './items-raw.topic';
export * from './items-raw-comment.topic';
export * from './items-raw-impostor-report.topic';
export * from './items-raw-mention.topic';
export * from './spikes.topic';

export const ALL_TOPICS = [...ALL_ITEMS_RAW_TOPICS, itemsEnrichedTopic, itemsIndexedTopic, deadLetterTopic, alertTriggersTopic, alertsTopic, casesTopic, spikesTopic] as const;
