import { z } from 'zod';
import type { TopicDefinition } from './topic-definition';

// R-ING-3, R-REL-3: what a stage could not process, with the reason. Never dropped silently.
export const deadLetterSchema = z.object({
  sourceTopic: z.string(),
  partition: z.number().int(),
  offset: z.string(),
  stage: z.string(),
  reason: z.string(),
  /** The message value as received, as text (it may not be valid JSON); only its head when oversized. */
  value: z.string().nullable(),
  /** Set when `value` holds only the head: the original's size. The whole stays on the source topic at partition/offset. */
  valueTruncatedFromBytes: z.number().int().positive().optional(),
  key: z.string().nullable(),
  failedAt: z.string().datetime({ offset: true }),
});
export type DeadLetter = z.infer<typeof deadLetterSchema>;

export const deadLetterTopic: TopicDefinition<DeadLetter> = {
  name: 'liaowang.dead-letter.v1',
  key: 'the original key, so an operator can find the thread',
  partitions: 1,
  retentionMs: 30 * 24 * 3600 * 1000,
  producers: ['enricher', 'indexer'],
  consumers: ['operators (liaowang dlq)'],
  schemaVersion: 1,
  schema: deadLetterSchema,
  example: {
    sourceTopic: 'liaowang.items.raw.mention.v1',
    partition: 0,
    offset: '42',
    stage: 'enricher',
    reason: 'invalid JSON: Unexpected token',
    value: '{"id": ',
    key: 'weibo:u1001',
    failedAt: '2026-11-23T09:30:02+08:00',
  },
};
