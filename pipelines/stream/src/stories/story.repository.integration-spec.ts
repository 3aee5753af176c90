import { itemsIndex } from '@liaowang/contract';
import { createElasticsearchClient } from '@liaowang/platform';
import { randomUUID } from 'node:crypto';
import { StoryRepository } from './story.repository';

/**
 * The figures of a batch's stories on a real Elasticsearch, in a scratch index: a batch that
 * founds thousands of stories (unrelated posts, each its own story) is counted, not refused for
 * passing the buckets one search may hold.
 */
describe('story figures: a batch of many stories', () => {
  const es = createElasticsearchClient(process.env.ES_URL ?? 'http://127.0.0.1:9200');
  const items = `story-figures-items-${randomUUID()}`;
  const STORIES = 8_000;
  const now = new Date('2025-06-10T10:00:00+08:00');
  const storyIds = Array.from({ length: STORIES }, (_, n) => `story-${n}`);

  beforeAll(async () => {
    await es.indices.create({
      index: items,
      settings: { number_of_shards: 1, number_of_replicas: 0 },
      mappings: itemsIndex.mappings,
    });
    // Two items a story, on two platforms and in two provinces, with three categories each.
    const operations: unknown[] = [];
    storyIds.forEach((storyId, n) => {
      for (const [i, platform, province] of [
        [0, 'weibo', '湖北省'],
        [1, 'douyin', '广东省'],
      ] as const) {
        const id = `${storyId}-${i}`;
        operations.push(
          { index: { _index: items, _id: id } },
          {
            id,
            storyId,
            platform,
            author: { id: `author-${n}-${i}`, name: '网友' },
            publishedAt: new Date(now.getTime() - (i + 1) * 60_000).toISOString(),
            place: { province },
            categories: ['public_safety', 'livelihood', `topic-${n % 7}`],
            sentiment: { label: i === 0 ? 'negative' : 'neutral', score: 0.8 },
            rumor: { score: 0.1 * (i + 1), reasons: [] },
          },
        );
      }
    });
    for (let start = 0; start < operations.length; start += 4_000) {
      const response = await es.bulk({ operations: operations.slice(start, start + 4_000) });
      expect(response.errors).toBe(false);
    }
    await es.indices.refresh({ index: items });
  });
  afterAll(async () => {
    await es.indices.delete({ index: items, ignore_unavailable: true });
    await es.close();
  });

  it('counts every story of the batch', async () => {
    const figures = await new StoryRepository(es, items).figures(storyIds, now);
    expect(figures.size).toBe(STORIES);
    for (const storyId of [storyIds[0], storyIds[STORIES - 1]]) {
      expect(figures.get(storyId)).toMatchObject({
        volume: 2,
        authors: 2,
        platforms: [
          { key: 'douyin', count: 1 },
          { key: 'weibo', count: 1 },
        ],
        regions: [
          { key: '广东省', count: 1 },
          { key: '湖北省', count: 1 },
        ],
        current: 2,
        newestItemIds: [`${storyId}-0`, `${storyId}-1`],
      });
    }
  });
});
