import { alertTriggerSchema, type AlertTrigger } from '../alert';
import { summarizeItem } from '../enriched-item';
import { itemsEnrichedTopic } from './items-enriched.topic';
import type { TopicDefinition } from './topic-definition';

// One partition: the recorder reads every trigger in one order, so grouping and the alert
// cursor (this topic's offset) need no coordination between instances (R-REL-4).
export const alertTriggersTopic: TopicDefinition<AlertTrigger> = {
  name: 'liaowang.alert-triggers.v1',
  key: 'groupKey (rule, later story)',
  partitions: 1,
  retentionMs: 7 * 24 * 3600 * 1000,
  producers: ['alert evaluator (stream)'],
  consumers: ['alert recorder (stream, group liaowang-alert-recorder)'],
  schemaVersion: 1,
  schema: alertTriggerSchema,
  example: {
    ruleId: 'rule-7f3a',
    ruleVersion: 2,
    rule: { name: '停课谣言', severity: 'high', repeatMinutes: 30, match: { keywords: '停课 AND (网传 OR 紧急扩散)' } },
    groupKey: 'rule:rule-7f3a',
    item: summarizeItem(itemsEnrichedTopic.example),
    reasons: ['停课', '网传'],
    matchedAt: '2026-11-23T09:30:03+08:00',
  },
};
