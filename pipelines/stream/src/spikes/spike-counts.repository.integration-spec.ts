import { createElasticsearchClient } from '@liaowang/platform';
import { randomUUID } from 'node:crypto';
import { SpikeCountsRepository } from './spike-counts.repository';

const WINDOW = 10 * 60_000;

/**
 * The candidates of story spikes on a real Elasticsearch, in scratch indices: a window busy with
 * many large stories must still name a small new one that passed the minimum count.
 */
describe('spike counts: every story that passed the minimum count is a candidate', () => {
  const es = createElasticsearchClient(process.env.ES_URL ?? 'http://127.0.0.1:9200');
  const items = `spike-counts-items-${randomUUID()}`;
  const stories = `spike-counts-stories-${randomUUID()}`;
  const window = { from: Date.parse('2025-06-10T10:00:00+08:00'), to: Date.parse('2025-06-10T10:10:00+08:00') };
  // 230 large stories, the new story just over the minimum, and stories just under it.
  const sizes = new Map<string, number>([
    ...Array.from({ length: 230 }, (_, i): [string, number] => [`large-${i}`, 40]),
    ['new', 21],
    ...Array.from({ length: 5 }, (_, i): [string, number] => [`small-${i}`, 19]),
  ]);

  beforeAll(async () => {
    await es.indices.create({ index: items, mappings: { properties: { storyId: { type: 'keyword' }, publishedAt: { type: 'date' } } } });
    await es.indices.create({ index: stories, mappings: { properties: { title: { type: 'keyword' } } } });
    const operations: unknown[] = [];
    let n = 0;
    for (const [storyId, size] of sizes) {
      for (let i = 0; i < size; i++) operations.push({ index: { _index: items } }, { storyId, publishedAt: new Date(window.from + (n++ % WINDOW)).toISOString() });
    }
    // Outside the window, and an item without a story yet: neither counts.
    for (let i = 0; i < 30; i++) operations.push({ index: { _index: items } }, { storyId: 'yesterday', publishedAt: new Date(window.from - 86_400_000).toISOString() });
    for (let i = 0; i < 30; i++) operations.push({ index: { _index: items } }, { publishedAt: new Date(window.from).toISOString() });
    operations.push({ index: { _index: stories, _id: 'new' } }, { title: '新话题' });
    const response = await es.bulk({ operations, refresh: true });
    expect(response.errors).toBe(false);
  });
  afterAll(async () => {
    await es.indices.delete({ index: [items, stories], ignore_unavailable: true });
    await es.close();
  });

  it('names all of them, past any page size, and counts each in its windows', async () => {
    const repository = new SpikeCountsRepository(es, { items, stories });
    const found = await repository.storiesAtLeast(window, 20, 100);
    const expected = [...sizes].filter(([, size]) => size >= 20).map(([id]) => id);
    expect(found.map((s) => s.key).sort()).toEqual(expected.sort());
    expect(found.find((s) => s.key === 'new')).toMatchObject({ kind: 'story', label: '新话题' });
    expect(found.find((s) => s.key === 'large-0')?.label).toBe('large-0');

    const yesterday = { from: window.from - 86_400_000, to: window.to - 86_400_000 };
    const counts = await repository.counts(found, [window, yesterday], 50);
    expect(counts.size).toBe(found.length);
    for (const s of found) expect(counts.get(`story:${s.key}`)).toEqual([sizes.get(s.key), 0]);
  });
});
