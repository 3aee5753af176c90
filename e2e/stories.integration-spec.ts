import type { ItemSearchResponse, Story, StoryDetailResponse, StoryListResponse } from '@liaowang/contract';
import { STORIES_INDEX_NAME } from '@liaowang/contract';
import { createElasticsearchClient } from '@liaowang/platform';
import { randomUUID } from 'node:crypto';
import { Converter } from 'opencc-js';
import { claimOfThisRun, commentOfThisRun, everydayPostOfThisRun } from './support/claims';
import { eventually, startTestSystem, type TestSystem } from './support/test-system';

// R-ENR-6 on the real stack: reposts and near-duplicates of one claim form one story, across a
// restart of the stream, and the items carry their storyId in search results.
describe('stories: near-duplicates cluster into one story', () => {
  let system: TestSystem | undefined;
  const es = createElasticsearchClient(process.env.ES_URL ?? 'http://127.0.0.1:9200');
  afterAll(async () => {
    await system?.stop();
    await es.close();
  });

  const marker = randomUUID().replace(/-/g, '').slice(0, 12);
  const claim = claimOfThisRun(marker);
  const traditional = Converter({ from: 'cn', to: 'tw' })(claim);
  const other = everydayPostOfThisRun(marker);

  const post = async (text: string, author: string, region: string | null = '江苏') => {
    const response = await fetch(`${system!.intakeUrl}/api/v1/intake/mentions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-intake-key': system!.intakeKey },
      body: JSON.stringify({
        sourceId: randomUUID(),
        platform: 'weibo',
        author: { id: author, name: author },
        text,
        publishedAt: new Date().toISOString(),
        ...(region === null ? {} : { region }),
      }),
    });
    expect(response.status).toBe(202);
    return ((await response.json()) as { id: string }).id;
  };
  const search = async (token: string, words = marker) => {
    const response = await fetch(`${system!.apiUrl}/api/v1/items?q=${encodeURIComponent(words)}&size=50`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    return (await response.json()) as ItemSearchResponse;
  };
  const storyIdsOf = async (token: string, ids: string[], words = marker) =>
    eventually(async () => {
      const items = (await search(token, words)).items;
      const found = ids.map((id) => items.find((i) => i.id === id)?.storyId);
      return found.every(Boolean) ? (found as string[]) : undefined;
    }, 90_000, 'storyId on every item');

  it('forms one story of a post, its repost with a comment, a traditional copy and one with hashtags, across a restart', async () => {
    system = await startTestSystem();
    let token = (await system.login('duty')).token;
    const first = [await post(claim, 'u-story-1'), await post(`${commentOfThisRun(marker)}//@环保观察:${claim}`, 'u-story-2')];
    const [a, b] = await storyIdsOf(token, first);
    expect(b).toBe(a);

    // The clustering state lives in Elasticsearch: a new stream process continues the story.
    await system.stop();
    system = await startTestSystem();
    token = (await system.login('duty')).token;
    const later = [await post(traditional, 'u-story-3'), await post(`#化工厂偷排# ${claim} #紧急扩散#`, 'u-story-1'), await post(other, 'u-story-4')];
    const [c, d, e] = await storyIdsOf(token, later);
    expect([c, d]).toEqual([a, a]);
    expect(e).not.toBe(a);

    const story = await eventually(async () => {
      const doc = await es.get<Story>({ index: STORIES_INDEX_NAME, id: a });
      return doc._source?.volume === 4 ? doc._source : undefined;
    }, 30_000, 'story volume 4');
    expect(story.authors).toBe(3);
    expect(story.titleItemId).toBe(first[0]);
    expect(story.platforms).toEqual([{ key: 'weibo', count: 4 }]);
    // The region field as sent is 江苏; the story counts the province it names.
    expect(story.regions).toEqual([{ key: '江苏省', count: 4 }]);
    expect(story.facets?.region).toEqual(['江苏省']);
    expect(story.velocity.current).toBe(4);
    expect(story.newestItemIds).toHaveLength(4);

    // Through the API: the story among the hot ones, and with its items, masked.
    const auth = { authorization: `Bearer ${token}` };
    // Search sees a write after the next refresh (about a second), unlike the GET above.
    const hot = await eventually(async () => {
      // Filtered by the title words of this run: other runs' stories may fill a whole page.
      const listed = (await (await fetch(`${system!.apiUrl}/api/v1/stories?sort=velocity&size=100&q=${marker}`, { headers: auth })).json()) as StoryListResponse;
      return listed.stories.find((s) => s.id === a)?.volume === 4 && listed.stories.some((s) => s.id === e) ? listed : undefined;
    }, 10_000, 'the story listed with volume 4, and the other post’s story');
    expect(hot.stories.find((s) => s.id === a)).toMatchObject({ volume: 4, authors: 3 });
    expect(hot.stories.map((s) => s.id).sort()).toEqual([a, e].sort());
    expect(hot.stories.every((s) => s.title.includes(marker))).toBe(true);
    expect(JSON.stringify(hot)).not.toContain('"bands"');
    const detail = (await (await fetch(`${system.apiUrl}/api/v1/stories/${a}`, { headers: auth })).json()) as StoryDetailResponse;
    expect(detail.items.map((i) => i.id).sort()).toEqual([...first, later[0], later[1]].sort());
    expect((await fetch(`${system.apiUrl}/api/v1/stories/st-nothing-here`, { headers: auth })).status).toBe(404);
  });

  it('counts the province an item is placed in, from its text when it has no region, and the region as sent when it names no place', async () => {
    system ??= await startTestSystem();
    const token = (await system.login('duty')).token;
    // A claim of its own (another marker), not a near-duplicate of the first test's.
    const words = randomUUID().replace(/-/g, '').slice(0, 12);
    const hangzhou = claimOfThisRun(words);
    // No region field: the text names 杭州. The repost's region 江城 names no known place.
    const ids = [await post(`杭州，${hangzhou}`, 'u-place-1', null), await post(`${commentOfThisRun(words)}//@环保观察:杭州，${hangzhou}`, 'u-place-2', '江城')];
    const [a, b] = await storyIdsOf(token, ids, words);
    expect(b).toBe(a);
    const story = await eventually(async () => {
      const doc = await es.get<Story>({ index: STORIES_INDEX_NAME, id: a });
      return doc._source?.volume === 2 ? doc._source : undefined;
    }, 30_000, 'story volume 2');
    expect(story.regions).toEqual([
      { key: '江城', count: 1 },
      { key: '浙江省', count: 1 },
    ]);
    expect(story.facets?.region).toEqual(['江城', '浙江省']);
  });
});
