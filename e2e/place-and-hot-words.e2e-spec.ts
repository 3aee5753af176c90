import type { ItemDocument } from '@liaowang/contract';
import { createElasticsearchClient, type ElasticsearchClient } from '@liaowang/platform';
import { randomUUID } from 'node:crypto';
import { eventually, startTestSystem, type TestSystem } from './support/test-system';

// Letters only: a marker the PII masker leaves alone and both analyzers keep as one token.
const marker = () => `plc${Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;

describe('place of items and hot words on the real stack (issue 10 item 3)', () => {
  let system: TestSystem;
  let es: ElasticsearchClient;

  beforeAll(async () => {
    system = await startTestSystem();
    es = createElasticsearchClient(system.settings.ES_URL);
  });
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
  });
});
