import { FEEDS_INDEX_NAME, type ConnectorStatus, type Feed } from '@liaowang/contract';
import { fetchFeed } from '@liaowang/intake';
import { createElasticsearchClient } from '@liaowang/platform';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventually, startTestSystem, type TestSystem } from './support/test-system';

// The feed guard on (FEEDS_ALLOW_PRIVATE_ADDRESSES=false, the default outside tests): a feed on
// the server's own network is refused when saved and again at every fetch, and the feed server
// here on 127.0.0.1 never sees a request.
describe('feed guard: no feed fetched from loopback, private or link-local addresses', () => {
  let server: Server;
  let port: number;
  let requests = 0;
  let system: TestSystem;
  let es: ReturnType<typeof createElasticsearchClient>;
  let adminToken: string;
  const planted: string[] = [];

  const api = async <T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${system.apiUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
  type Problem = { status: number; errors: { field: string; message: string }[] };
  // A feed stored as if saved before the guard was turned on.
  const plant = async (url: string): Promise<Feed> => {
    const now = new Date().toISOString();
    const feed: Feed = { id: randomUUID(), url, platform: 'guard-test', intervalSeconds: 10, keywords: [], createdAt: now, createdBy: 'admin', updatedAt: now, updatedBy: 'admin' };
    await es.index({ index: FEEDS_INDEX_NAME, id: feed.id, document: feed, refresh: 'wait_for' });
    planted.push(feed.id);
    return feed;
  };

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests += 1;
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.end('<?xml version="1.0"?><rss version="2.0"><channel><title>内网</title><item><title>不该被抓取</title><guid>x</guid></item></channel></rss>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    system = await startTestSystem({ stream: false, settings: { FEEDS_ALLOW_PRIVATE_ADDRESSES: 'false' } });
    es = createElasticsearchClient(system.settings.ES_URL);
    adminToken = (await system.login('admin')).token;
  }, 120_000);

  afterAll(async () => {
    for (const id of planted) await api('DELETE', `/api/v1/feeds/${id}`).catch(() => undefined);
    await system?.stop();
    await es?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  it.each([
    ['a loopback address', () => `http://127.0.0.1:${port}/news.rss`, /^127\.0\.0\.1, a loopback address: only public addresses may be fetched$/],
    ['a name that resolves to loopback', () => `http://localhost:${port}/news.rss`, /^localhost resolves to (127\.0\.0\.1|::1), a loopback address/],
    ['the IPv6 loopback', () => `http://[::1]:${port}/news.rss`, /^::1, a loopback address/],
    ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/', /^169\.254\.169\.254, a linkLocal address/],
    ['an RFC 1918 address', () => 'http://192.168.1.10/rss.xml', /^192\.168\.1\.10, a private address/],
    ['a unique local IPv6 address', () => 'http://[fd00::1]/rss.xml', /^fd00::1, a uniqueLocal address/],
  ])('refuses at save a feed on %s: 400 naming url with the reason', async (_what, url, reason) => {
    const refused = await api<Problem & { id?: string }>('POST', '/api/v1/feeds', { url: url(), platform: 'guard-test', intervalSeconds: 10, keywords: [] });
    // Should the guard let one through, it is removed at the end, so no later run polls it.
    if (refused.status === 201 && refused.body.id) planted.push(refused.body.id);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: 'url', message: expect.stringMatching(reason) }]);
    const feeds = await api<Feed[]>('GET', '/api/v1/feeds');
    expect(feeds.body.some((feed) => feed.url === url())).toBe(false);
    expect(requests).toBe(0);
  });

  it('refuses a change of a feed’s URL to a private address, and keeps the feed as it was', async () => {
    const feed = await plant('https://news.jiangcheng.example/rss.xml');
    const refused = await api<Problem>('PUT', `/api/v1/feeds/${feed.id}`, { url: `http://localhost:${port}/news.rss` });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toMatchObject({ field: 'url', message: expect.stringMatching(/^localhost resolves to .*loopback/) });
    expect((await api<Feed>('GET', `/api/v1/feeds/${feed.id}`)).body.url).toBe('https://news.jiangcheng.example/rss.xml');
    // A change that leaves the URL alone is not judged by it.
    expect((await api<Feed>('PUT', `/api/v1/feeds/${feed.id}`, { intervalSeconds: 600 })).status).toBe(200);
  });

  it('refuses at every fetch a feed stored before the guard was on: its status is failing with the reason, and no request reaches the server', async () => {
    const feed = await plant(`http://localhost:${port}/news.rss`);
    const status = await eventually(async () => {
      const list = await api<ConnectorStatus[]>('GET', '/api/v1/connectors');
      const found = list.body.find((c) => c.id === `feed:${feed.id}`);
      return found?.state === 'failing' ? found : undefined;
    }, 40_000, 'the planted feed failing');
    expect(status.lastError).toMatch(/^feed refused: localhost resolves to (127\.0\.0\.1|::1), a loopback address/);
    expect(status.accepted).toBe(0);
    expect(requests).toBe(0);
  }, 60_000);

  it('connects a feed to its server when private addresses are allowed: the refusals above were the guard’s', async () => {
    await expect(fetchFeed(`http://127.0.0.1:${port}/news.rss`, {}, undefined, { allowPrivateAddresses: true })).resolves.toMatchObject({ notModified: false });
    expect(requests).toBe(1);
  });
});
