import { commentsRawTopic, impostorReportsRawTopic, itemsEnrichedTopic, itemsIndex, mentionsRawTopic, type RawItem } from '@liaowang/contract';
import { createElasticsearchClient, createLogger, KafkaPort } from '@liaowang/platform';
import { randomUUID } from 'node:crypto';
import { ENRICHER_GROUP, INDEXER_GROUP, startStream, type StreamRuntime } from '@liaowang/stream';
import { Kafka, logLevel } from 'kafkajs';
import { collectDeadLetters } from './support/dead-letters';
import { eventually } from './support/test-system';
import { testSettings } from './support/test-settings';

// R-ING-3 / R-REL-3: a bad message is parked with its reason and the stream goes on.
describe('stream on the real Kafka and Elasticsearch', () => {
  const settings = testSettings({ LOG_LEVEL: 'silent' });
  const kafka = new KafkaPort(settings.KAFKA_BROKERS, 'stream-test', createLogger('test', 'silent'));
  const es = createElasticsearchClient(settings.ES_URL);
  let stream: StreamRuntime;

  beforeAll(async () => {
    stream = await startStream(settings);
  });
  afterAll(async () => {
    await stream?.stop();
    await kafka.disconnect();
    await es.close();
  });

  it('dead-letters unreadable and invalid messages with the reason, and still indexes the good one after them', async () => {
    const key = `dlq-test-${randomUUID()}`;
    const good: RawItem = { ...mentionsRawTopic.example, id: `test:${randomUUID()}`, threadId: key, receivedAt: new Date().toISOString() };
    const deadLetters = collectDeadLetters(settings.KAFKA_BROKERS, key, 2);

    // Same key, so one partition and this order: bad JSON, wrong schema, then a good item.
    await kafka.sendRaw(mentionsRawTopic.name, [
      { key, value: '{"id": ' },
      { key, value: JSON.stringify({ ...good, id: 42, publishedAt: 'yesterday' }) },
      { key, value: JSON.stringify(good) },
    ]);

    const letters = await deadLetters;
    expect(letters.map((l) => l.stage)).toEqual(['enricher', 'enricher']);
    expect(letters[0].reason).toMatch(/^invalid JSON/);
    expect(letters[0].value).toBe('{"id": ');
    expect(letters[1].reason).toContain('id:');
    expect(letters[1].reason).toContain('publishedAt:');
    expect(letters[1].sourceTopic).toBe(mentionsRawTopic.name);

    const indexed = await eventually(async () => {
      const result = await es.search({ index: itemsIndex.alias, query: { term: { id: good.id } } });
      return result.hits.hits.length > 0 ? result.hits.hits[0] : undefined;
    }, 60_000, 'the good item indexed');
    expect(indexed._id).toBe(good.id);
  });

  it('dead-letters an item that grows past the message limit once enriched, keeping the head of it, and goes on', async () => {
    const key = `dlq-large-${randomUUID()}`;
    // About 2.6 MB: under the raw topic's limit, but text plus its masked copy is over it.
    const text = '网传今天下午市区主干道将全面封闭施工，请大家提前绕行。'.repeat(33_000);
    const large: RawItem = { ...mentionsRawTopic.example, id: `test:${randomUUID()}`, threadId: key, text, raw: {} };
    const good: RawItem = { ...mentionsRawTopic.example, id: `test:${randomUUID()}`, threadId: key, receivedAt: new Date().toISOString() };
    const deadLetters = collectDeadLetters(settings.KAFKA_BROKERS, key, 1);

    await kafka.sendRaw(mentionsRawTopic.name, [{ key, value: JSON.stringify(large) }]);
    await kafka.sendRaw(mentionsRawTopic.name, [{ key, value: JSON.stringify(good) }]);

    const [letter] = await deadLetters;
    expect(letter.stage).toBe('enricher');
    expect(letter.reason).toMatch(/^enriched item is \d+ bytes, over the 4194304-byte message limit of liaowang\.items\.enriched\.v1$/);
    expect(letter.valueTruncatedFromBytes).toBe(Buffer.byteLength(JSON.stringify(large)));
    expect(letter.value!.startsWith(JSON.stringify(large).slice(0, 100))).toBe(true);
    expect(Buffer.byteLength(letter.value!)).toBeLessThanOrEqual(64 * 1024);

    const indexed = await eventually(async () => {
      const result = await es.search({ index: itemsIndex.alias, query: { term: { id: good.id } } });
      return result.hits.hits[0];
    }, 60_000, 'the good item after the large one indexed');
    expect(indexed._id).toBe(good.id);
  });

  it.each([commentsRawTopic, impostorReportsRawTopic].map((t) => [t.name, t] as const))('dead-letters a malformed message on %s with its topic and offset, and indexes the good one after it', async (_name, topic) => {
    const key = `dlq-kind-${randomUUID()}`;
    const good: RawItem = { ...topic.example, id: `test:${randomUUID()}`, threadId: key, receivedAt: new Date().toISOString() };
    const deadLetters = collectDeadLetters(settings.KAFKA_BROKERS, key, 1);
    await kafka.sendRaw(topic.name, [
      { key, value: JSON.stringify({ ...good, kind: 'tweet' }) },
      { key, value: JSON.stringify(good) },
    ]);
    const [letter] = await deadLetters;
    expect(letter).toMatchObject({ stage: 'enricher', sourceTopic: topic.name });
    expect(letter.reason).toContain('kind:');
    expect(Number(letter.offset)).toBeGreaterThanOrEqual(0);
    const indexed = await eventually(async () => {
      const result = await es.search({ index: itemsIndex.alias, query: { term: { id: good.id } } });
      return result.hits.hits[0];
    }, 60_000, 'the good item after the malformed one indexed');
    expect(indexed._source).toMatchObject({ kind: topic.example.kind });
  });

  it('commits its offsets once a batch is done, so a restart does not redo the work (R-REL-1)', async () => {
    await kafka.sendRaw(mentionsRawTopic.name, [
      { key: `commit-test-${randomUUID()}`, value: JSON.stringify({ ...mentionsRawTopic.example, id: `test:${randomUUID()}` }) },
    ]);
    const admin = new Kafka({ brokers: settings.KAFKA_BROKERS, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const uncommitted = async (groupId: string, topic: string) => {
        const ends = await admin.fetchTopicOffsets(topic);
        const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
        return ends.reduce((sum, end) => {
          const at = Number(committed.partitions.find((p) => p.partition === end.partition)?.offset ?? -1);
          return sum + Number(end.high) - Math.max(at, Number(end.low));
        }, 0);
      };
      await eventually(
        async () =>
          (await uncommitted(ENRICHER_GROUP, mentionsRawTopic.name)) === 0 &&
          (await uncommitted(INDEXER_GROUP, itemsEnrichedTopic.name)) === 0
            ? true
            : undefined,
        60_000,
        'both groups committed up to the end of their topics',
      );
    } finally {
      await admin.disconnect();
    }
  });
});
