import { auditIndex, itemsIndex, type ConnectorStatus, type Feed } from '@liaowang/contract';
import { createElasticsearchClient } from '@liaowang/platform';
import iconv from 'iconv-lite';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { eventually, startTestSystem, type TestSystem } from './support/test-system';

// R-ING-2: RSS 2.0 and Atom feeds served by a local server, polled by intake into Elasticsearch
// once, with conditional GET, a failing feed beside healthy ones, pause and the status API.
describe('feed connectors: RSS / Atom polling with status, pause and resume', () => {
  // Fresh words and entry ids per run: the items of an earlier run are duplicates by identity.
  const run = randomUUID().slice(0, 8);
  const marker = `停水${run}`;
  const gasMarker = `燃气${run}`;
  const fixture = (name: string, word = marker) => readFileSync(join(__dirname, 'fixtures', 'feeds', name), 'utf8').replaceAll('MARKER', word).replaceAll('RUN', run);
  const requests: Record<string, number> = {};
  const notModified: Record<string, number> = {};
  const rssEtag = `"rss-${randomUUID()}"`;
  const atomModified = 'Tue, 01 Dec 2026 05:10:00 GMT';
  let server: Server;
  let feedBase: string;
  let system: TestSystem;
  let es: ReturnType<typeof createElasticsearchClient>;
  let adminToken: string;
  let dutyToken: string;
  const feeds: Record<string, Feed> = {};

  const serve = (request: IncomingMessage, response: ServerResponse) => {
    const path = request.url ?? '/';
    requests[path] = (requests[path] ?? 0) + 1;
    const answer = (status: number, body: string, headers: Record<string, string> = {}) => {
      if (status === 304) notModified[path] = (notModified[path] ?? 0) + 1;
      response.writeHead(status, { 'content-type': 'application/xml; charset=utf-8', ...headers });
      response.end(status === 304 ? undefined : body);
    };
    if (path === '/news.rss') {
      if (request.headers['if-none-match'] === rssEtag) return answer(304, '');
      return answer(200, fixture('city-news.rss.xml'), { etag: rssEtag });
    }
    if (path === '/forum.atom') {
      if (request.headers['if-modified-since'] === atomModified) return answer(304, '');
      return answer(200, fixture('forum.atom.xml'), { 'last-modified': atomModified });
    }
    if (path === '/broken.rss') return answer(200, fixture('broken.rss.xml'));
    if (path === '/gbk.rss') {
      // As many Chinese sites serve theirs: GBK bytes, text/xml with no charset, the encoding in the XML declaration.
      response.writeHead(200, { 'content-type': 'text/xml' });
      return response.end(iconv.encode(fixture('gbk-news.rss.xml', gasMarker), 'gbk'));
    }
    if (path === '/unknown-charset.rss') return answer(200, fixture('city-news.rss.xml'), { 'content-type': 'application/rss+xml; charset=x-klingon' });
    if (path === '/huge.rss') {
      // 6 MB with no Content-Length: the poller must stop reading at its limit.
      response.writeHead(200, { 'content-type': 'application/xml' });
      const chunk = `<item><title>${'很大'.repeat(4_000)}</title></item>`;
      for (let written = 0; written < 6 * 1024 * 1024; written += Buffer.byteLength(chunk)) response.write(chunk);
      return response.end();
    }
    if (path === '/slow.rss') {
      response.writeHead(200, { 'content-type': 'application/xml' });
      response.write('<?xml version="1.0"?><rss version="2.0"><channel>');
      const timer = setTimeout(() => response.end('</channel></rss>'), 30_000);
      response.on('close', () => clearTimeout(timer));
      return;
    }
    answer(404, '');
  };

  const api = async <T>(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${system.apiUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
  const statusOf = async (id: string) => (await api<ConnectorStatus[]>('GET', '/api/v1/connectors', dutyToken)).body.find((c) => c.id === id);
  const connectorOf = (name: string) => `feed:${feeds[name].id}`;
  const storedCount = async () => {
    await es.indices.refresh({ index: itemsIndex.alias });
    return (await es.count({ index: itemsIndex.alias, query: { match_phrase: { text: marker } } })).count;
  };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  beforeAll(async () => {
    server = createServer(serve);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    feedBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    system = await startTestSystem();
    es = createElasticsearchClient(system.settings.ES_URL);
    adminToken = (await system.login('admin')).token;
    dutyToken = (await system.login('duty')).token;
    for (const [name, path, platform, keyword] of [
      ['rss', '/news.rss', '江城新闻网', marker],
      ['atom', '/forum.atom', '江城论坛', marker],
      ['broken', '/broken.rss', 'broken', marker],
      ['huge', '/huge.rss', 'huge', marker],
      ['slow', '/slow.rss', 'slow', marker],
      ['gbk', '/gbk.rss', '江城晚报', gasMarker],
      ['unknownCharset', '/unknown-charset.rss', 'unknown-charset', marker],
    ] as const) {
      const created = await api<Feed>('POST', '/api/v1/feeds', adminToken, { url: `${feedBase}${path}`, platform, intervalSeconds: 10, keywords: [keyword] });
      expect(created.status).toBe(201);
      feeds[name] = created.body;
    }
  }, 120_000);

  afterAll(async () => {
    for (const feed of Object.values(feeds)) await api('DELETE', `/api/v1/feeds/${feed.id}`, adminToken).catch(() => undefined);
    await system?.stop();
    await es?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('brings the matching entries of an RSS 2.0 and an Atom feed into Elasticsearch once, and a second poll gets 304 and adds nothing', async () => {
    // 3 matching RSS entries, two with the same guid; 2 Atom entries; the marathon entry names no keyword.
    await eventually(async () => ((await storedCount()) >= 4 ? true : undefined), 60_000, 'feed entries in Elasticsearch');
    await eventually(async () => (notModified['/news.rss'] && notModified['/forum.atom'] ? true : undefined), 40_000, 'a 304 for each feed');
    await sleep(2_000);
    expect(await storedCount()).toBe(4);
    const stored = await es.search<{ id: string; platform: string; author: { name: string }; url: string }>({ index: itemsIndex.alias, query: { match_phrase: { text: marker } }, size: 10 });
    const byId = Object.fromEntries(stored.hits.hits.map((hit) => [hit._source!.id, hit._source!]));
    expect(byId[`江城新闻网:jc-news-${run}-001`]).toMatchObject({ author: { name: '记者 李明' }, url: 'https://news.jiangcheng.example/2026/12/01/water.html' });
    expect(byId[`江城论坛:urn:jiangcheng-bbs:${run}:2`]).toMatchObject({ author: { name: '东区老王' } });

    const rss = await eventually(async () => {
      const status = await statusOf(connectorOf('rss'));
      return status && status.accepted === 2 ? status : undefined;
    }, 20_000, 'rss status written');
    expect(rss).toMatchObject({ type: 'feed', state: 'running', accepted: 2, duplicate: 1, skipped: 1, rejected: 0 });
    expect(rss.lastSuccessAt).toBeDefined();
    const atom = await statusOf(connectorOf('atom'));
    expect(atom).toMatchObject({ state: 'running', accepted: 2, skipped: 0 });

    const metrics = await (await fetch(`${system.intakeUrl}/metrics`)).text();
    // Label order differs between counters and histograms: find the line by its labels.
    const line = (name: string, outcome: string) =>
      metrics
        .split('\n')
        .find((l) => l.startsWith(`${name}{`) && l.includes(`connector="${connectorOf('rss')}"`) && l.includes(`outcome="${outcome}"`))
        ?.split(' ')[1];
    expect(line('liaowang_connector_items_total', 'accepted')).toBe('2');
    expect(line('liaowang_connector_items_total', 'duplicate')).toBe('1');
    expect(line('liaowang_connector_items_total', 'skipped')).toBe('1');
    expect(Number(line('liaowang_connector_fetch_seconds_count', 'not_modified'))).toBeGreaterThanOrEqual(1);
  }, 120_000);

  it('decodes a GBK feed by its XML declaration: the Chinese text of its entries arrives intact', async () => {
    await es.indices.refresh({ index: itemsIndex.alias });
    const stored = await eventually(async () => {
      await es.indices.refresh({ index: itemsIndex.alias });
      const found = await es.search<{ id: string; text: string; author: { name: string } }>({ index: itemsIndex.alias, query: { match_phrase: { text: gasMarker } }, size: 10 });
      return found.hits.hits.length >= 2 ? found.hits.hits.map((hit) => hit._source!) : undefined;
    }, 60_000, 'GBK feed entries in Elasticsearch');
    const byId = Object.fromEntries(stored.map((item) => [item.id, item]));
    const first = byId[`江城晚报:jc-wanbao-${run}-001`];
    expect(first.author.name).toBe('记者 张晓燕');
    expect(first.text).toContain(`燃气管道检修：西区周三暂停供气 ${gasMarker}`);
    expect(first.text).toContain('西区燃气公司将于周三 9 时至 15 时检修管道，届时暂停供气，请居民关好阀门。');
    expect(byId[`江城晚报:jc-wanbao-${run}-002`].text).toContain('“燃气”“暂停”等字均应完好');
    expect((await statusOf(connectorOf('gbk')))?.state).not.toBe('failing');
  }, 90_000);

  it('marks a broken, a too large and a too slow feed failing with the reason, while the others keep running', async () => {
    const failing = async (name: string) =>
      eventually(async () => {
        const status = await statusOf(connectorOf(name));
        return status?.state === 'failing' ? status : undefined;
      }, 40_000, `${name} failing`);
    expect((await failing('broken')).lastError).toMatch(/not an RSS or Atom feed/);
    expect((await failing('huge')).lastError).toMatch(/larger than 5242880 bytes/);
    expect((await failing('slow')).lastError).toMatch(/timed out/);
    expect((await failing('unknownCharset')).lastError).toBe('unknown feed encoding "x-klingon" (from the Content-Type)');
    expect((await statusOf(connectorOf('rss')))?.state).toBe('running');
    expect((await statusOf(connectorOf('atom')))?.state).toBe('running');
  }, 120_000);

  it('lets a duty officer see the connectors but only an admin pause them; a paused feed is not polled until resumed', async () => {
    const list = await api<ConnectorStatus[]>('GET', '/api/v1/connectors', dutyToken);
    expect(list.status).toBe(200);
    expect(list.body.map((c) => c.id)).toEqual(expect.arrayContaining(['push:mention', 'push:comment', 'push:impostor_report', connectorOf('rss')]));
    expect((await api('POST', `/api/v1/connectors/${connectorOf('rss')}/pause`, dutyToken)).status).toBe(403);
    expect((await api('POST', '/api/v1/connectors/feed:nope/pause', adminToken)).status).toBe(404);

    const paused = await api<ConnectorStatus>('POST', `/api/v1/connectors/${connectorOf('rss')}/pause`, adminToken);
    expect(paused).toMatchObject({ status: 200, body: { state: 'paused', paused: true, pausedBy: 'admin' } });
    // Intake reads pauses every 5 s; a poll already under way may still finish.
    await sleep(6_000);
    const before = requests['/news.rss'];
    await sleep(15_000);
    expect(requests['/news.rss']).toBe(before);
    expect((await statusOf(connectorOf('rss')))?.state).toBe('paused');

    expect((await api<ConnectorStatus>('POST', `/api/v1/connectors/${connectorOf('rss')}/resume`, adminToken)).body.state).toBe('running');
    await eventually(async () => (requests['/news.rss'] > before ? true : undefined), 25_000, 'polling again after resume');

    await es.indices.refresh({ index: auditIndex.alias });
    const audited = await es.search<{ action: string; target: { id: string } }>({
      index: auditIndex.alias,
      query: { bool: { filter: [{ terms: { action: ['connector.pause', 'connector.resume'] } }, { term: { 'target.id': connectorOf('rss') } }] } },
    });
    expect(audited.hits.hits.map((hit) => hit._source!.action).sort()).toEqual(['connector.pause', 'connector.resume']);
  }, 120_000);

  it('counts pushes on the push connector of their kind, and a paused push connector answers 503 with Retry-After', async () => {
    const push = (text: string) =>
      fetch(`${system.intakeUrl}/api/v1/intake/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-intake-key': system.intakeKey },
        body: JSON.stringify({ platform: 'weibo', author: { id: 'u-conn', name: '网友' }, text, publishedAt: new Date().toISOString(), account: { id: 'jc', name: '江城发布' }, post: { id: 'p-1' } }),
      });
    const before = (await statusOf('push:comment'))?.accepted ?? 0;
    expect((await push(`评论 ${marker}`)).status).toBe(202);
    await eventually(async () => ((await statusOf('push:comment'))!.accepted > before ? true : undefined), 20_000, 'push counted');

    expect((await api('POST', '/api/v1/connectors/push:comment/pause', adminToken)).status).toBe(200);
    try {
      const refused = await eventually(async () => {
        const response = await push(`暂停后 ${marker}`);
        return response.status === 503 ? response : undefined;
      }, 15_000, 'a paused push refused');
      expect(refused.headers.get('retry-after')).toBe('30');
    } finally {
      expect((await api('POST', '/api/v1/connectors/push:comment/resume', adminToken)).status).toBe(200);
    }
  }, 60_000);
});
