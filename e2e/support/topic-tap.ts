import type { TopicDefinition } from '@liaowang/contract';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { randomUUID } from 'node:crypto';

export interface Tapped<T> {
  offset: number;
  key: string | null;
  value: T;
}

/** Reads a topic from its start with a fresh group and keeps every message its schema accepts. */
export class TopicTap<T> {
  readonly messages: Tapped<T>[] = [];
  private consumer?: Consumer;

  private constructor(private readonly topic: TopicDefinition<T>) {}

  static async open<T>(brokers: string[], topic: TopicDefinition<T>): Promise<TopicTap<T>> {
    const tap = new TopicTap(topic);
    tap.consumer = new Kafka({ brokers, logLevel: logLevel.NOTHING }).consumer({ groupId: `tap-${randomUUID()}` });
    await tap.consumer.connect();
    await tap.consumer.subscribe({ topic: topic.name, fromBeginning: true });
    await tap.consumer.run({
      eachMessage: async ({ message }) => {
        // Tests also write unreadable messages on purpose (dead-letter tests): pass over them.
        let json: unknown;
        try {
          json = JSON.parse(message.value?.toString() ?? '');
        } catch {
          return;
        }
        const parsed = tap.topic.schema.safeParse(json);
        if (parsed.success) tap.messages.push({ offset: Number(message.offset), key: message.key?.toString() ?? null, value: parsed.data });
      },
    });
    return tap;
  }

  /** The messages that pass `filter`, in topic order. */
  where(filter: (value: T) => boolean): Tapped<T>[] {
    return this.messages.filter((m) => filter(m.value));
  }

  async close(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
