import type { TopicDefinition } from '@liaowang/contract';
import { createLogger, KafkaPort } from '@liaowang/platform';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { eventually } from './support/test-system';
import { testSettings } from './support/test-settings';

// R-REL-1 / issue 10: a batch that takes longer than the group's session timeout (a slow
// Elasticsearch, a stage writing item by item) keeps its partitions: the port heartbeats while the
// handler works, so the commit after it succeeds and no message is handled twice.
describe('a long batch on the real Kafka', () => {
  const settings = testSettings({ LOG_LEVEL: 'silent' });
  const admin = new Kafka({ clientId: 'heartbeat-test-admin', brokers: settings.KAFKA_BROKERS, logLevel: logLevel.NOTHING }).admin();
  const kafka = new KafkaPort(settings.KAFKA_BROKERS, 'heartbeat-test', createLogger('test', 'silent'));
  const topic: TopicDefinition<string> = {
    name: `liaowang.test.heartbeat-${randomUUID()}`,
    key: 'none',
    partitions: 1,
    retentionMs: 3600_000,
    producers: ['this test'],
    consumers: ['this test'],
    schemaVersion: 1,
    schema: z.string(),
    example: 'x',
  };

  beforeAll(async () => {
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: topic.name, numPartitions: 1 }], waitForLeaders: true });
  });
  afterAll(async () => {
    await kafka.disconnect();
    await admin.deleteTopics({ topics: [topic.name] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('handles each message once although the first batch outlasts the session timeout', async () => {
    await kafka.sendRaw(topic.name, ['a', 'b', 'c'].map((value) => ({ key: 'k', value })));
    const handled: string[] = [];
    let first = true;
    const groupId = `heartbeat-test-${randomUUID()}`;
    await kafka.consume({
      stage: 'heartbeat-test',
      groupId,
      topic,
      // The broker's smallest session timeout; the first batch takes twice as long.
      sessionTimeoutMs: 6_000,
      handle: async (messages) => {
        handled.push(...messages.map((m) => m.offset));
        if (first) {
          first = false;
          await new Promise((resolve) => setTimeout(resolve, 12_000));
        }
      },
    });

    await eventually(async () => {
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic.name] });
      return committed.partitions[0].offset === '3' || undefined;
    }, 40_000, 'offset 3 committed');
    // A lost membership would show as the batch handled a second time after the rejoin.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(handled).toEqual(['0', '1', '2']);
  }, 60_000);
});
