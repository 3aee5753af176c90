import type { ZodType } from 'zod';

/** A Kafka topic described as data (STYLE habit 4): one file per topic. */
export interface TopicDefinition<T> {
  name: string;
  /** What the message key is, and why (ordering guarantee). */
  key: string;
  partitions: number;
  retentionMs: number;
  producers: string[];
  consumers: string[];
  schemaVersion: number;
  schema: ZodType<T>;
  example: T;
}
