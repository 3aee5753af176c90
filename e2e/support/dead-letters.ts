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

/** Every dead letter with `key` written so far: reads the topic from the start up to its current end. */
export async function deadLettersSoFar(brokers: string[], key: string): Promise<DeadLetter[]> {
  const kafka = new Kafka({ brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map((await admin.fetchTopicOffsets(deadLetterTopic.name)).map((p) => [p.partition, BigInt(p.high)]));
  await admin.disconnect();
  const pending = new Set([...ends].filter(([, high]) => high > 0n).map(([partition]) => partition));
  const found: DeadLetter[] = [];
  if (pending.size === 0) return found;
  const consumer = kafka.consumer({ groupId: `dlq-reader-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: deadLetterTopic.name, fromBeginning: true });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the dead-letter topic was not read to its end')), 60_000);
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          if (message.key?.toString() === key) found.push(deadLetterTopic.schema.parse(JSON.parse(message.value!.toString())));
          if (BigInt(message.offset) + 1n >= ends.get(partition)!) pending.delete(partition);
          if (pending.size === 0) {
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
