import type { HotWords, ItemDocument, ItemSearchResponse, Problem } from '@liaowang/contract';
import { createElasticsearchClient, type ElasticsearchClient } from '@liaowang/platform';
import { randomUUID } from 'node:crypto';
import { eventually, startTestSystem, type TestSystem } from './support/test-system';

// Letters only: a marker the PII masker leaves alone and both analyzers keep as one token.
const marker = () => `plc${Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;

describe('place of items and hot words on the real stack (issue 10 item 3)', () => {
  let system: TestSystem;
  let es: ElasticsearchClient;
  let token: string;

  beforeAll(async () => {
    system = await startTestSystem();
    es = createElasticsearchClient(system.settings.ES_URL);
    token = (await system.login('duty')).token;
  });
  const hotWords = (params: Record<string, string>) =>
    fetch(`${system.apiUrl}/api/v1/stats/hot-words?${new URLSearchParams(params)}`, { headers: { authorization: `Bearer ${token}` } });
  afterAll(async () => {
    await es?.close();
    await system?.stop();
  });

  /** Posts mentions through intake and waits until the pipeline has stored every one of them. */
  const postThroughIntake = async (posts: { text: string; region?: string; publishedAt?: string }[]): Promise<ItemDocument[]> => {
    const ids: string[] = [];
    for (const post of posts) {
      const response = await fetch(`${system.intakeUrl}/api/v1/intake/mentions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-intake-key': system.intakeKey },
        body: JSON.stringify({
          sourceId: randomUUID(),
          platform: 'weibo',
          author: { id: 'u-place', name: '地区测试' },
          text: post.text,
          ...(post.region ? { region: post.region } : {}),
          publishedAt: post.publishedAt ?? new Date().toISOString(),
        }),
      });
      expect(response.status).toBe(202);
      ids.push(((await response.json()) as { id: string }).id);
    }
    return eventually(
      async () => {
        const found = await es.search<ItemDocument>({ index: 'liaowang-items', size: ids.length, query: { ids: { values: ids } } });
        if (found.hits.hits.length < ids.length) return undefined;
        const byId = new Map(found.hits.hits.map((h) => [h._id, h._source!]));
        return ids.map((id) => byId.get(id)!);
      },
      90_000,
      'items indexed',
    );
  };

  it('stores the province and city an item names, from its region field or else from its text', async () => {
    const tag = marker();
    const [hubei, wuhan, fromText, fictional, twoProvinces] = await postThroughIntake([
      { text: `${tag} 停水三天了`, region: '湖北' },
      { text: `${tag} 停水三天了`, region: '武汉' },
      { text: `${tag} 江苏省南京市今天停水`, region: undefined },
      { text: `${tag} 江城市教育局发布通知`, region: '江城' },
      { text: `${tag} 从北京到武汉的高铁停运了` },
    ]);
    expect(hubei.place).toEqual({ provinceCode: '420000', province: '湖北省', source: 'region' });
    expect(hubei.region).toBe('湖北');
    expect(wuhan.place).toEqual({ provinceCode: '420000', province: '湖北省', cityCode: '420100', city: '武汉市', source: 'region' });
    expect(fromText.place).toEqual({ provinceCode: '320000', province: '江苏省', cityCode: '320100', city: '南京市', source: 'text' });
    expect(fictional.place).toBeUndefined();
    expect(twoProvinces.place).toBeUndefined();

    // The fields are keywords: they facet.
    const facets = await es.search({
      index: 'liaowang-items',
      size: 0,
      query: { match: { text: tag } },
      aggs: { province: { terms: { field: 'place.provinceCode' } }, city: { terms: { field: 'place.city' } } },
    });
    const buckets = (name: string) => (facets.aggregations?.[name] as { buckets: { key: string; doc_count: number }[] }).buckets;
    expect(buckets('province')).toEqual(expect.arrayContaining([{ key: '420000', doc_count: 2 }, { key: '320000', doc_count: 1 }]));
    expect(buckets('city')).toEqual(expect.arrayContaining([{ key: '武汉市', doc_count: 1 }, { key: '南京市', doc_count: 1 }]));

    // The search API filters and counts by province, beside the region as sent.
    const search = async (params: Record<string, string>) => {
      const response = await fetch(`${system.apiUrl}/api/v1/items?${new URLSearchParams(params)}`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      return (await response.json()) as ItemSearchResponse;
    };
    const all = await search({ q: tag });
    expect(all.facets?.province).toEqual(expect.arrayContaining([{ value: '湖北省', count: 2 }, { value: '江苏省', count: 1 }]));
    expect(all.facets?.region).toEqual(expect.arrayContaining([{ value: '湖北', count: 1 }, { value: '武汉', count: 1 }]));
    const inHubei = await search({ q: tag, province: '湖北省' });
    expect(inHubei.items.map((i) => i.id).sort()).toEqual([hubei.id, wuhan.id].sort());
  });

  it('finds the word that bursts in a window, and no stop words', async () => {
    const tag = marker();
    const burst = marker();
    const day = 24 * 3600 * 1000;
    // The background: ordinary posts of the days before, with the window's everyday words.
    const before = Date.now() - 3 * day;
    await postThroughIntake(
      ['小区今天停水了', '地铁早高峰很挤', '菜市场的菜价涨了', '学校明天开家长会', '公园里的花开了', '公交线路调整了'].map((text, i) => ({
        text: `${tag} ${text}`,
        publishedAt: new Date(before + i * 60_000).toISOString(),
      })),
    );
    // The window: the burst word in six posts, with stop words that the background lacks.
    // From now on: an earlier run's burst is outside the window.
    const since = new Date().toISOString();
    await postThroughIntake(
      ['我们这里', '因为一个', '但是我们', '所以他们', '而且我们', '虽然一个'].map((lead, i) => ({
        text: `${lead} ${burst} 小区${i}号楼门口`,
        publishedAt: new Date(Date.parse(since) + i).toISOString(),
      })),
    );
    const response = await hotWords({ since, until: new Date(Date.now() + 60_000).toISOString() });
    expect(response.status).toBe(200);
    const body = (await response.json()) as HotWords;
    expect(body.since).toMatch(/\+08:00$/);
    expect(body.items).toBe(6);
    const words = body.words.map((w) => w.word);
    expect(words[0]).toBe(burst);
    expect(body.words[0]).toMatchObject({ count: 6, backgroundCount: 6 });
    for (const stop of ['我们', '因为', '一个', '但是', '所以', '他们', '而且', '虽然']) expect(words).not.toContain(stop);
  });

  it('refuses a bad window with a 400 naming the field', async () => {
    const field = async (params: Record<string, string>) => {
      const response = await hotWords(params);
      expect(response.status).toBe(400);
      return ((await response.json()) as Problem).errors?.[0]?.field;
    };
    expect(await field({ since: 'yesterday' })).toBe('since');
    expect(await field({ since: '2026-12-02T00:00:00+08:00', until: '2026-12-01T00:00:00+08:00' })).toBe('since');
    expect(await field({ until: '2026-13-01' })).toBe('until');
    expect(await field({ size: '0' })).toBe('size');
  });
});
