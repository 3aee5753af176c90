import { itemsIndexFor, type ItemDocument, type ItemSearchResponse, type Problem, type SavedSearch, type SentimentLabel, type SentimentStats, type VolumeStats } from '@liaowang/contract';
import { createElasticsearchClient, type ElasticsearchClient } from '@liaowang/platform';
import { randomUUID } from 'node:crypto';
import { eventually, startTestSystem, type TestSystem } from './support/test-system';

// Letters only: a marker the PII masker leaves alone and the standard analyzer keeps as one token.
const marker = () => `srch${Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;

describe('search API: GET /api/v1/items, /stats/*, /saved-searches on the real stack', () => {
  let system: TestSystem;
  let es: ElasticsearchClient;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    system = await startTestSystem();
    es = createElasticsearchClient(system.settings.ES_URL);
    for (const username of ['duty', 'responder', 'leader']) tokens[username] = (await system.login(username)).token;
  });
  afterAll(async () => {
    await es?.close();
    await system?.stop();
  });

  const call = (path: string, init: { as?: string; method?: string; body?: unknown } = {}) =>
    fetch(`${system.apiUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${tokens[init.as ?? 'duty']}`, 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  const get = async <T>(path: string, as = 'duty'): Promise<T> => {
    const response = await call(path, { as });
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const search = (params: Record<string, string>, as = 'duty') => get<ItemSearchResponse>(`/api/v1/items?${new URLSearchParams(params)}`, as);

  /** Posts through intake, so the real enricher masks the text, and waits until the search finds them all. */
  const postThroughIntake = async (tag: string, texts: string[]): Promise<string[]> => {
    const ids: string[] = [];
    for (const text of texts) {
      const response = await fetch(`${system.intakeUrl}/api/v1/intake/mentions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-intake-key': system.intakeKey },
        body: JSON.stringify({ sourceId: randomUUID(), platform: 'weibo', author: { id: 'u-search', name: '搜索测试' }, text, publishedAt: new Date().toISOString() }),
      });
      expect(response.status).toBe(202);
      ids.push(((await response.json()) as { id: string }).id);
    }
    await eventually(async () => ((await search({ q: tag, size: '200' })).total >= texts.length ? true : undefined), 90_000, `${tag} indexed`);
    return ids;
  };

  let seq = 0;
  /**
   * Indexes items as the pipeline stores them, straight into their monthly indices, where a test
   * needs figures the enricher would not give (times, risk, sentiment, story).
   */
  const postAll = async (
    tag: string,
    posts: { text: string; platform?: string; publishedAt?: string; sentiment?: SentimentLabel; risk?: number; storyId?: string }[],
  ): Promise<string[]> => {
    const docs = posts.map((p, i): ItemDocument => {
      const publishedAt = p.publishedAt ?? new Date(Date.now() - i * 1000).toISOString();
      return {
        id: `search-e2e-${tag}-${(seq += 1)}`,
        kind: 'mention',
        platform: p.platform ?? 'weibo',
        author: { id: 'u-search', name: '搜索测试' },
        text: p.text,
        masked: p.text,
        tokens: p.text,
        publishedAt,
        receivedAt: publishedAt,
        enrichedAt: publishedAt,
        threadId: `t-${tag}-${seq}`,
        raw: {},
        sentiment: { label: p.sentiment ?? 'neutral', score: 0.5 },
        rumor: { score: p.risk ?? 0.1, reasons: [] },
        categories: [],
        categoryReasons: [],
        pii: [],
        piiTypes: [],
        fingerprint: '0',
        modelVersion: 'e2e',
        ...(p.storyId ? { storyId: p.storyId } : {}),
      };
    });
    const bulk = await es.bulk({ refresh: 'wait_for', operations: docs.flatMap((d) => [{ index: { _index: itemsIndexFor(d.publishedAt), _id: d.id } }, d]) });
    if (bulk.errors) throw new Error(`indexing failed: ${JSON.stringify(bulk.items.find((i) => i.index?.error)?.index?.error)}`);
    return docs.map((d) => d.id);
  };
  const idsOf = (result: ItemSearchResponse) => result.items.map((i) => i.id).sort();

  it('finds the right items with AND, OR, NOT, phrases and NEAR, with highlights', async () => {
    const tag = marker();
    const [a, b, c, d] = await postThroughIntake(tag, [
      `${tag} 江城今晚停水，请提前储水`,
      `${tag} 武汉停水演练明天举行`,
      `${tag} 江城停电两小时`,
      `${tag} 网传全市停水三天，不实`,
    ]);
    expect(idsOf(await search({ q: `${tag} 停水 NOT 演练` }))).toEqual([a, d].sort());
    expect(idsOf(await search({ q: `${tag} AND (江城 OR 武汉)` }))).toEqual([a, b, c].sort());
    expect(idsOf(await search({ q: `${tag} "全市停水"` }))).toEqual([d]);
    // Adjacency: the characters of 市停 are in d, but 停市 is not.
    expect((await search({ q: `${tag} "停市"` })).total).toBe(0);
    expect(idsOf(await search({ q: `${tag} 全市 NEAR/3 三天` }))).toEqual([d]);
    expect((await search({ q: `${tag} 江城 NEAR/1 储水` })).total).toBe(0);
    const highlighted = await search({ q: `${tag} "全市停水"` });
    expect(highlighted.items[0].highlight).toContain('<em>');
  });

  it('agrees between a filter and its facet count', async () => {
    const tag = marker();
    await postAll(tag, [
      { text: `${tag} 地铁延误`, platform: 'weibo', sentiment: 'negative' },
      { text: `${tag} 地铁延误二`, platform: 'weibo', sentiment: 'negative' },
      { text: `${tag} 地铁延误三`, platform: 'douyin', sentiment: 'positive' },
    ]);
    const all = await search({ q: tag });
    expect(all.facets?.platform).toEqual(expect.arrayContaining([{ value: 'weibo', count: 2 }, { value: 'douyin', count: 1 }]));
    const weibo = await search({ q: tag, platform: 'weibo' });
    expect(weibo.total).toBe(2);
    expect(weibo.items.every((i) => i.platform === 'weibo')).toBe(true);
    // Narrowed to one platform, the other platform's count is still there to add.
    expect(weibo.facets?.platform).toEqual(expect.arrayContaining([{ value: 'weibo', count: 2 }, { value: 'douyin', count: 1 }]));
    expect(weibo.facets?.sentiment).toEqual([{ value: 'negative', count: 2 }]);
    const both = await search({ q: tag, platform: 'weibo,douyin' });
    expect(both.total).toBe(3);
    const sentimentTotal = (all.facets?.sentiment ?? []).reduce((sum, f) => sum + f.count, 0);
    expect(sentimentTotal).toBe(3);
    expect(all.facets?.sentiment).toEqual([{ value: 'negative', count: 2 }, { value: 'positive', count: 1 }]);
    expect((await search({ q: tag, sentiment: 'negative' })).total).toBe(2);
    expect((await search({ q: tag, sentiment: 'negative', platform: 'douyin' })).total).toBe(0);
  });

  it('filters by the story items carry', async () => {
    const tag = marker();
    // A month no other test writes: its index is created from the current template, which maps storyId.
    const publishedAt = '2025-02-10T04:00:00Z';
    const [first, , third] = await postAll(tag, [
      { text: `${tag} 同一说法`, storyId: `story-${tag}`, publishedAt },
      { text: `${tag} 另一说法`, storyId: `story-other-${tag}`, publishedAt },
      { text: `${tag} 同一说法转发`, storyId: `story-${tag}`, publishedAt },
    ]);
    const found = await search({ q: tag, story: `story-${tag}` });
    expect(idsOf(found)).toEqual([first, third].sort());
    expect(found.items.every((i) => i.storyId === `story-${tag}`)).toBe(true);
  });

  it('pages past the first page by cursor with no duplicate and no gap', async () => {
    const tag = marker();
    const ids = await postAll(
      tag,
      // Two items share each risk score, so the tie-break by time and id is exercised too.
      Array.from({ length: 7 }, (_, i) => ({ text: `${tag} 第${i}条`, risk: Math.floor(i / 2) / 4, publishedAt: new Date(Date.now() - i * 60_000).toISOString() })),
    );
    for (const sort of ['newest', 'risk', 'relevance']) {
      const seen: string[] = [];
      const scores: number[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page: ItemSearchResponse = await search({ q: tag, size: '3', sort, facets: 'false', ...(cursor ? { cursor } : {}) });
        expect(page.facets).toBeUndefined();
        seen.push(...page.items.map((i) => i.id));
        if (sort === 'risk') scores.push(...page.items.map((i) => i.rumorScore));
        cursor = page.cursor;
        pages += 1;
      } while (cursor && pages < 10);
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(new Set(seen).size).toBe(seen.length);
      expect([...seen].sort()).toEqual([...ids].sort());
      expect(scores).toEqual([...scores].sort((x, y) => y - x));
    }
  });

  it('refuses bad syntax, a foreign cursor and an unknown facet value with a 400 naming the field', async () => {
    const field = async (params: Record<string, string>) => {
      const response = await call(`/api/v1/items?${new URLSearchParams(params)}`);
      expect(response.status).toBe(400);
      return ((await response.json()) as Problem).errors?.[0]?.field;
    };
    expect(await field({ q: '(停水' })).toBe('q');
    expect(await field({ cursor: 'bm90LWEtY3Vyc29y' })).toBe('cursor');
    expect(await field({ sentiment: 'angry' })).toMatch(/^sentiment/);
  });

  it('does not let a role without raw access find an item by the phone number in its raw text', async () => {
    const tag = marker();
    const [id] = await postThroughIntake(tag, [`${tag} 有事请打13912345678联系`]);
    const q = `${tag} 13912345678`;
    expect(idsOf(await search({ q }, 'duty'))).toEqual([id]);
    expect((await search({ q }, 'leader')).total).toBe(0);
    expect((await get<VolumeStats>(`/api/v1/stats/volume?${new URLSearchParams({ q, interval: 'day' })}`, 'leader')).buckets).toEqual([]);
    // The masked text still finds it by its other words, and shows no number.
    const found = await search({ q: tag }, 'leader');
    expect(found.items[0].text).not.toContain('13912345678');
  });

  it('buckets volume and sentiment by day in Asia/Shanghai', async () => {
    const tag = marker();
    // 23:30 and 00:30 Shanghai time: one UTC day, two Shanghai days.
    await postAll(tag, [
      { text: `${tag} 昨夜消息`, publishedAt: '2026-11-20T15:30:00Z' },
      { text: `${tag} 今晨消息`, publishedAt: '2026-11-20T16:30:00Z' },
      { text: `${tag} 今晨又一条`, publishedAt: '2026-11-20T17:00:00Z' },
    ]);
    const volume = await get<VolumeStats>(`/api/v1/stats/volume?${new URLSearchParams({ q: tag, interval: 'day' })}`);
    expect(volume.timeZone).toBe('Asia/Shanghai');
    expect(volume.buckets).toEqual([
      { start: '2026-11-20T00:00:00+08:00', count: 1 },
      { start: '2026-11-21T00:00:00+08:00', count: 2 },
    ]);
    // With both ends given, the quiet day after is a zero bucket.
    const ranged = await get<VolumeStats>(
      `/api/v1/stats/volume?${new URLSearchParams({ q: tag, interval: 'day', from: '2026-11-20T00:00:00+08:00', to: '2026-11-23T00:00:00+08:00' })}`,
    );
    expect(ranged.buckets.map((b) => b.count)).toEqual([1, 2, 0]);
    const tooFine = await call(`/api/v1/stats/volume?${new URLSearchParams({ interval: '10m', from: '2000-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })}`);
    expect(tooFine.status).toBe(400);
    expect(((await tooFine.json()) as Problem).errors?.[0]?.field).toBe('interval');
    const hourly = await get<VolumeStats>(`/api/v1/stats/volume?${new URLSearchParams({ q: tag, interval: 'hour' })}`);
    expect(hourly.buckets[0]).toEqual({ start: '2026-11-20T23:00:00+08:00', count: 1 });
    expect(hourly.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(3);
    const sentiment = await get<SentimentStats>(`/api/v1/stats/sentiment?${new URLSearchParams({ q: tag, interval: 'day' })}`);
    expect(sentiment.buckets.map((b) => b.start)).toEqual(volume.buckets.map((b) => b.start));
    for (const b of sentiment.buckets) expect(b.negative + b.neutral + b.positive).toBe(b.count);
  });

  it('keeps saved searches per user', async () => {
    const name = `保存的搜索 ${marker()}`;
    const created = await call('/api/v1/saved-searches', { method: 'POST', body: { name, query: { q: '停水 NOT 演练', platform: ['weibo'], sort: 'risk' } } });
    expect(created.status).toBe(201);
    const saved = (await created.json()) as SavedSearch;
    expect(saved.owner).toBe('duty');
    expect((await get<SavedSearch[]>('/api/v1/saved-searches')).map((s) => s.id)).toContain(saved.id);
    expect((await get<SavedSearch[]>('/api/v1/saved-searches', 'responder')).map((s) => s.id)).not.toContain(saved.id);
    expect((await call(`/api/v1/saved-searches/${saved.id}`, { as: 'responder', method: 'DELETE' })).status).toBe(404);
    expect((await call('/api/v1/saved-searches', { method: 'POST', body: {} })).status).toBe(400);
    expect((await call(`/api/v1/saved-searches/${saved.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await get<SavedSearch[]>('/api/v1/saved-searches')).map((s) => s.id)).not.toContain(saved.id);
  });
});
