import type { TopicDefinition } from '@liaowang/contract';
import { assessConsumerLiveness, createLogger, KafkaPort, Metrics } from '@liaowang/platform';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { eventually } from './support/test-system';
import { testSettings } from './support/test-settings';

// R-OPS-4, R-REL-1: /metrics shows each group's lag per partition, from the committed offsets
// against the high watermarks; a consumer whose batch hangs past twice the session timeout is
// not live, and is again once the batch ends.
describe('consumer lag and a stuck batch on the real Kafka', () => {
  const settings = testSettings({ LOG_LEVEL: 'silent' });
  const admin = new Kafka({ clientId: 'lag-test-admin', brokers: settings.KAFKA_BROKERS, logLevel: logLevel.NOTHING }).admin();
  const metrics = new Metrics('lag-test');
  const kafka = new KafkaPort(settings.KAFKA_BROKERS, 'lag-test', createLogger('test', 'silent'), metrics);
  const topic: TopicDefinition<string> = {
    name: `liaowang.test.lag-${randomUUID()}`,
    key: 'none',
    partitions: 1,
    retentionMs: 3600_000,
    producers: ['this test'],
    consumers: ['this test'],
    schemaVersion: 1,
    schema: z.string(),
    example: 'x',
  };
  const groupId = `lag-test-${randomUUID()}`;
  // Opens the handler's gate; afterAll opens it too, or a failed run would wait on it forever.
  let release: () => void = () => undefined;

  beforeAll(async () => {
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: topic.name, numPartitions: 1 }], waitForLeaders: true });
  });
  afterAll(async () => {
    release();
    await kafka.disconnect();
    await admin.deleteTopics({ topics: [topic.name] }).catch(() => undefined);
    await admin.disconnect();
  });

  /** The lag /metrics shows for the test's group on partition 0, or undefined when absent. */
  const scrapedLag = async (): Promise<number | undefined> => {
    const text = await metrics.registry.metrics();
    const line = text.split('\n').find((l) => l.startsWith(`liaowang_consumer_lag{group="${groupId}",topic="${topic.name}",partition="0"`));
    return line === undefined ? undefined : Number(line.split(' ').pop());
  };
  const liveness = () => assessConsumerLiveness(kafka.consumerHealth().find((c) => c.groupId === groupId)!, Date.now());

  it('shows the lag of a group that is behind, zero after catch-up, and a hung batch as not live', async () => {
    const send = (n: number) => kafka.sendRaw(topic.name, Array.from({ length: n }, (_, i) => ({ key: 'k', value: `m${i}` })));
    let gate: Promise<void> | undefined;
    let blocked = false;
    await send(3);
    await kafka.consume({
      stage: 'lag-test',
      groupId,
      topic,
      // The broker's smallest session timeout: a batch counts as stuck after 12 s.
      sessionTimeoutMs: 6_000,
      handle: async () => {
        if (gate) {
          blocked = true;
          await gate;
        }
      },
    });
    await eventually(async () => ((await scrapedLag()) === 0 ? true : undefined), 40_000, 'lag 0 after the first 3');

    gate = new Promise<void>((resolve) => (release = resolve));
    await send(5);
    await eventually(async () => (blocked ? true : undefined), 20_000, 'the handler blocked');
    expect(await scrapedLag()).toBe(5);
    expect(liveness().live).toBe(true);
    const stuck = await eventually(async () => (liveness().live ? undefined : liveness()), 20_000, 'not live');
    expect(stuck.reason).toMatch(/^a batch has been running for \d+ ms \(bound 12000 ms\)$/);

    release();
    gate = undefined;
    await eventually(async () => ((await scrapedLag()) === 0 ? true : undefined), 20_000, 'lag 0 after catch-up');
    expect(liveness().live).toBe(true);
  }, 90_000);
});
