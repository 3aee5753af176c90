import { z } from 'zod';
import { alertSchema } from '../alert';
import { alertTriggersTopic } from './alert-triggers.topic';
import type { TopicDefinition } from './topic-definition';

/** An alert after it was written to the alerts index: new, counted into (grouped) or moved. */
export const alertEventSchema = z.object({ event: z.enum(['new', 'updated']), alert: alertSchema });
export type AlertEvent = z.infer<typeof alertEventSchema>;

const trigger = alertTriggersTopic.example;

// Published only after the alerts index took the write, so a client that catches up from the
// index and then follows this topic misses nothing. One partition keeps the cursor order.
export const alertsTopic: TopicDefinition<AlertEvent> = {
  name: 'liaowang.alerts.v1',
  key: 'alert id',
  partitions: 1,
  retentionMs: 7 * 24 * 3600 * 1000,
  producers: ['alert recorder (stream)', 'api (state moves)'],
  consumers: ['api (live gateway, one group per instance)'],
  schemaVersion: 1,
  schema: alertEventSchema,
  example: {
    event: 'new',
    alert: {
      id: 'alert-42',
      cursor: 42,
      groupKey: trigger.groupKey,
      ruleId: trigger.ruleId,
      ruleVersion: trigger.ruleVersion,
      rule: trigger.rule,
      severity: trigger.rule.severity,
      state: 'new',
      count: 1,
      firstAt: trigger.matchedAt,
      lastAt: trigger.matchedAt,
      reasons: trigger.reasons,
      items: [trigger.item],
      timeline: [{ at: trigger.matchedAt, type: 'raised' }],
      updatedAt: trigger.matchedAt,
      lastTriggerOffset: 42,
    },
  },
};
