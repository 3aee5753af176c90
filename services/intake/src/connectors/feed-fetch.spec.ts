import type { AddressResolver } from '@liaowang/platform';
import iconv from 'iconv-lite';
import { fetchFeed, guardedLookup, MAX_FEED_REDIRECTS, type FeedHttpFetch } from './feed-fetch';

// The redirect check with the resolver and the HTTP client given: no request leaves the process.
describe('feed fetch guard', () => {
  const names: Record<string, string[]> = {
    'news.example.cn': ['203.119.24.1'],
    'mirror.example.cn': ['203.119.24.2'],
    'metadata.example.cn': ['169.254.169.254'],
    'intranet.example.cn': ['203.119.24.3', '192.168.10.5'],
  };
  const resolve: AddressResolver = async (host) => {
    const found = names[host];
    if (!found) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    return found;
  };
  const rss = '<?xml version="1.0" encoding="GBK"?><rss version="2.0"><channel><item><title>江城停水</title></item></channel></rss>';
  const answers: Record<string, () => Response> = {
    'https://news.example.cn/rss.xml': () => new Response(null, { status: 302, headers: { location: 'https://mirror.example.cn/rss.xml' } }),
    'https://mirror.example.cn/rss.xml': () => new Response(new Uint8Array(iconv.encode(rss, 'gbk')), { status: 200, headers: { 'content-type': 'text/xml', etag: '"m1"' } }),
    'https://news.example.cn/to-metadata': () => new Response(null, { status: 301, headers: { location: 'http://metadata.example.cn/latest/meta-data/' } }),
    'https://news.example.cn/to-literal': () => new Response(null, { status: 307, headers: { location: '//10.0.0.8/rss.xml' } }),
    'https://news.example.cn/to-intranet': () => new Response(null, { status: 308, headers: { location: 'http://intranet.example.cn/rss.xml' } }),
    'https://news.example.cn/to-file': () => new Response(null, { status: 302, headers: { location: 'file:///etc/passwd' } }),
    'https://news.example.cn/loop': () => new Response(null, { status: 302, headers: { location: '/loop' } }),
  };
  let requested: string[];
  let dispatchers: unknown[];
  const send: FeedHttpFetch = async (url, init) => {
    requested.push(url);
    dispatchers.push(init.dispatcher);
    const answer = answers[url];
    return answer ? answer() : new Response('', { status: 404 });
  };
  const guard = { allowPrivateAddresses: false, resolve, fetch: send };
  const limits = { timeoutMs: 5_000, maxBytes: 1024 * 1024 };

  beforeEach(() => {
    requested = [];
    dispatchers = [];
  });

  it('follows a redirect between public addresses and decodes the feed by its declared charset', async () => {
    const result = await fetchFeed('https://news.example.cn/rss.xml', {}, limits, guard);
    expect(result).toMatchObject({ notModified: false, validators: { etag: '"m1"' } });
    expect(result.notModified === false && result.body).toContain('江城停水');
    expect(requested).toEqual(['https://news.example.cn/rss.xml', 'https://mirror.example.cn/rss.xml']);
    // Every hop goes through the agent whose lookup checks the addresses it connects to.
    expect(dispatchers).toHaveLength(2);
    expect(dispatchers.every((dispatcher) => dispatcher !== undefined)).toBe(true);
  });

  it('refuses a redirect to a name that resolves to a private or link-local address, before requesting it', async () => {
    await expect(fetchFeed('https://news.example.cn/to-metadata', {}, limits, guard)).rejects.toThrow(
      'redirect to http://metadata.example.cn/latest/meta-data/ refused: metadata.example.cn resolves to 169.254.169.254, a linkLocal address',
    );
    await expect(fetchFeed('https://news.example.cn/to-intranet', {}, limits, guard)).rejects.toThrow(/intranet\.example\.cn resolves to 192\.168\.10\.5, a private address/);
    expect(requested).toEqual(['https://news.example.cn/to-metadata', 'https://news.example.cn/to-intranet']);
  });

  it('refuses a redirect to a private address literal, and one to another scheme', async () => {
    await expect(fetchFeed('https://news.example.cn/to-literal', {}, limits, guard)).rejects.toThrow('redirect to https://10.0.0.8/rss.xml refused: 10.0.0.8, a private address');
    await expect(fetchFeed('https://news.example.cn/to-file', {}, limits, guard)).rejects.toThrow('redirect to file:///etc/passwd refused: only http and https');
    expect(requested).toEqual(['https://news.example.cn/to-literal', 'https://news.example.cn/to-file']);
  });

  it('refuses a feed on a private address without requesting it, and stops after too many redirects', async () => {
    await expect(fetchFeed('http://127.0.0.1:8080/rss.xml', {}, limits, guard)).rejects.toThrow('feed refused: 127.0.0.1, a loopback address');
    await expect(fetchFeed('https://unknown.example.cn/rss.xml', {}, limits, guard)).rejects.toThrow('feed refused: unknown.example.cn does not resolve (ENOTFOUND)');
    expect(requested).toEqual([]);
    await expect(fetchFeed('https://news.example.cn/loop', {}, limits, guard)).rejects.toThrow(`more than ${MAX_FEED_REDIRECTS} redirects`);
    expect(requested).toHaveLength(MAX_FEED_REDIRECTS + 1);
  });

  it('follows a redirect to a private address when private addresses are allowed', async () => {
    answers['https://news.example.cn/to-local'] = () => new Response(null, { status: 302, headers: { location: 'http://127.0.0.1:8080/rss.xml' } });
    answers['http://127.0.0.1:8080/rss.xml'] = answers['https://mirror.example.cn/rss.xml'];
    const result = await fetchFeed('https://news.example.cn/to-local', {}, limits, { ...guard, allowPrivateAddresses: true });
    expect(result.notModified).toBe(false);
    expect(requested).toEqual(['https://news.example.cn/to-local', 'http://127.0.0.1:8080/rss.xml']);
  });
});

// The lookup the guarded agent connects with: it asks the resolver again, so an answer that
// changed since the check (DNS rebinding) is judged too.
describe(guardedLookup.name, () => {
  const lookUp = (resolve: () => Promise<string[]>, options: { all?: boolean; family?: number }) =>
    new Promise<{ error: Error | null; address: unknown; family?: number }>((done) =>
      guardedLookup(resolve)('feed.example.cn', options, (error, address, family) => done({ error, address, family })),
    );

  it('refuses when the name now answers a loopback or private address, even beside a public one', async () => {
    const rebound = await lookUp(async () => ['203.119.24.1', '127.0.0.1'], { all: true });
    expect(rebound.error?.message).toBe('feed.example.cn resolves to 127.0.0.1, a loopback address: only public addresses may be fetched');
    expect((await lookUp(async () => ['::ffff:10.1.1.1'], {})).error?.message).toMatch(/a private address/);
  });

  it('hands back the checked addresses, all of them or the first of the family asked for', async () => {
    const answers = async () => ['203.119.24.1', '2400:3200::1'];
    expect(await lookUp(answers, { all: true })).toEqual({
      error: null,
      address: [
        { address: '203.119.24.1', family: 4 },
        { address: '2400:3200::1', family: 6 },
      ],
      family: undefined,
    });
    expect(await lookUp(answers, { family: 6 })).toEqual({ error: null, address: '2400:3200::1', family: 6 });
    expect((await lookUp(async () => ['203.119.24.1'], { family: 6 })).error?.message).toBe('feed.example.cn has no IPv6 address');
  });
});
