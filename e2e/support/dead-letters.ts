import { deadLetterTopic, type DeadLetter } from '@liaowang/contract';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';

/** Reads the dead-letter topic from the start with a fresh group until `count` records with `key` came. */
export async function collectDeadLetters(brokers: string[], key: string, count: number): Promise<DeadLetter[]> {
  const consumer = new Kafka({ brokers, logLevel: logLevel.NOTHING }).consumer({ groupId: `dlq-reader-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: deadLetterTopic.name, fromBeginning: true });
  const found: DeadLetter[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${found.length} dead letters arrived`)), 60_000);
      void consumer.run({
        eachMessage: async ({ message }) => {
          if (message.key?.toString() !== key) return;
          found.push(deadLetterTopic.schema.parse(JSON.parse(message.value!.toString())));
          if (found.length === count) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return found;
}
