import { itemsIndex, mentionsRawTopic, STORIES_INDEX_NAME, type ItemDocument, type RawItem, type Story } from '@liaowang/contract';
import { createElasticsearchClient, createLogger, KafkaPort } from '@liaowang/platform';
import { startStream, storedHomes, type StreamRuntime } from '@liaowang/stream';
import { randomUUID } from 'node:crypto';
import { claimOfThisRun } from './support/claims';
import { testSettings } from './support/test-settings';
import { eventually } from './support/test-system';

// R-ENR-7: one document per item id across the month indices. The same item re-sent with a
// publishedAt on the other side of a month boundary (Asia/Shanghai), and once more after the
// stream restarted, stays one document, and its story counts it once.
describe('one document per item id across the month indices', () => {
  const settings = testSettings({ LOG_LEVEL: 'silent' });
  const kafka = new KafkaPort(settings.KAFKA_BROKERS, 'one-document-test', createLogger('test', 'silent'));
  const es = createElasticsearchClient(settings.ES_URL);
  let stream: StreamRuntime | undefined;
  let secondIndexer: StreamRuntime | undefined;
  afterAll(async () => {
    await secondIndexer?.stop();
    await stream?.stop();
    await kafka.disconnect();
    await es.close();
  });

  const marker = randomUUID().replace(/-/g, '').slice(0, 12);
  const item: RawItem = {
    ...mentionsRawTopic.example,
    id: `weibo:one-doc-${marker}`,
    threadId: `one-doc-${marker}`,
    text: claimOfThisRun(marker),
    author: { id: `u-${marker}`, name: '观察者' },
  };
  // 23:30 on 31 October in Beijing, then 00:30 on 1 November, then December.
  const sendings = ['2026-10-31T15:30:00.000Z', '2026-10-31T16:30:00.000Z', '2026-12-02T04:00:00.000Z'];

  const send = (publishedAt: string, threadId = item.threadId) =>
    kafka.send(mentionsRawTopic, [{ key: threadId, value: { ...item, threadId, publishedAt, receivedAt: new Date().toISOString() } }]);

  /** Every stored copy of the item, once the copy of this sending (its publishedAt) is searchable with its story. */
  const copiesAfter = (publishedAt: string) =>
    eventually(async () => {
      await es.indices.refresh({ index: itemsIndex.alias });
      const found = await es.search<ItemDocument>({ index: itemsIndex.alias, query: { ids: { values: [item.id] } }, size: 10 });
      const hits = found.hits.hits;
      return hits.some((h) => h._source?.publishedAt === publishedAt && h._source.storyId) ? hits : undefined;
    }, 90_000, `the item sent with publishedAt ${publishedAt} indexed with its story`);

  const storyCountsItsItems = async (storyId: string) => {
    const items = (await es.count({ index: itemsIndex.alias, query: { term: { storyId } } })).count;
    const story = await eventually(async () => {
      const doc = await es.get<Story>({ index: STORIES_INDEX_NAME, id: storyId }, { ignore: [404] });
      return doc._source && doc._source.lastSeen >= new Date(Date.parse(sendings[0])).toISOString() ? doc._source : undefined;
    }, 30_000, `story ${storyId}`);
    return { items, volume: story.volume };
  };

  it('keeps one document, in the month of the first sending, across a month boundary and a restart', async () => {
    stream = await startStream(settings);
    await send(sendings[0]);
    const first = await copiesAfter(sendings[0]);
    expect(first.map((h) => h._index)).toEqual(['liaowang-items-2026.10']);

    await send(sendings[1]);
    const second = await copiesAfter(sendings[1]);
    expect(second.map((h) => h._index)).toEqual(['liaowang-items-2026.10']);

    // A new process remembers nothing of the first two writes.
    await stream.stop();
    stream = await startStream(settings);
    await send(sendings[2]);
    const third = await copiesAfter(sendings[2]);
    expect(third.map((h) => h._index)).toEqual(['liaowang-items-2026.10']);

    const storyId = third[0]._source!.storyId!;
    const counted = await eventually(async () => {
      const c = await storyCountsItsItems(storyId);
      return c.volume === c.items ? c : undefined;
    }, 30_000, 'the story volume equal to its items');
    expect(counted).toEqual({ items: 1, volume: 1 });

    // The story's facet keys are keywords (stories template version 2): a terms filter finds it.
    await es.indices.refresh({ index: STORIES_INDEX_NAME });
    const byFacet = await es.search<Story>({
      index: STORIES_INDEX_NAME,
      query: { bool: { filter: [{ ids: { values: [storyId] } }, { term: { 'facets.platform': item.platform } }] } },
    });
    // A story's regions are the provinces its items' places resolve to: the example's 湖北 is 湖北省.
    expect(item.region).toBe('湖北');
    expect(byFacet.hits.hits.map((h) => h._source?.facets)).toEqual([{ platform: [item.platform], region: ['湖北省'], category: expect.any(Array) }]);
  });

  it('keeps one document when the sendings go to other partitions, read by another indexer instance', async () => {
    stream ??= await startStream(settings);
    // A second indexer in the same consumer group: the enriched topic's partitions are split between the two.
    secondIndexer = await startStream(settings, ['indexer']);
    const months = ['2026-09-30T15:30:00.000Z', '2026-09-30T16:30:00.000Z', '2026-08-15T04:00:00.000Z', '2026-12-03T04:00:00.000Z'];
    const moved = { ...item, id: `${item.id}-moved` };
    const sendMoved = (publishedAt: string, n: number) =>
      kafka.send(mentionsRawTopic, [{ key: `${moved.threadId}-${n}`, value: { ...moved, threadId: `${moved.threadId}-${n}`, publishedAt, receivedAt: new Date().toISOString() } }]);
    for (const [n, publishedAt] of months.entries()) {
      await sendMoved(publishedAt, n);
      const copies = await eventually(async () => {
        await es.indices.refresh({ index: itemsIndex.alias });
        const found = await es.search<ItemDocument>({ index: itemsIndex.alias, query: { ids: { values: [moved.id] } }, size: 10 });
        return found.hits.hits.some((h) => h._source?.publishedAt === publishedAt) ? found.hits.hits : undefined;
      }, 90_000, `the moved item sent with publishedAt ${publishedAt}`);
      expect(copies.map((h) => h._index)).toEqual(['liaowang-items-2026.09']);
    }
  });

  it('finds the homes of a batch larger than one search may answer (10,000 hits)', async () => {
    // Written straight into two month indices, as a copy from before the one-document rule would be.
    const id = `weibo:one-doc-many-${marker}`;
    const indices = ['liaowang-items-2026.10', 'liaowang-items-2026.11'];
    const document = { id, text: claimOfThisRun(marker), publishedAt: sendings[0] };
    try {
      for (const index of indices) await es.index({ index, id, document, refresh: true });
      const absent = Array.from({ length: 6_000 }, (_, n) => `weibo:one-doc-absent-${marker}-${n}`);
      const homes = await storedHomes(es, [...absent.slice(0, 3_000), id, ...absent.slice(3_000)]);
      expect([...homes].map(([found, at]) => [found, [...at].sort()])).toEqual([[id, indices]]);
    } finally {
      for (const index of indices) await es.delete({ index, id, refresh: true }, { ignore: [404] });
    }
  });
});
