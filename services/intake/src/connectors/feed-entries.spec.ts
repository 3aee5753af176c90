import { validateItemIntake } from '@liaowang/contract';
import { entryMatches, entrySourceId, MAX_BACKOFF_MS, mentionPayloadFor, nextPollDelayMs } from './feed-entries';

describe('feed entries', () => {
  const feed = { platform: 'news', url: 'https://news.example.cn/rss.xml' };

  it('takes an entry as a mention when its title or text names a keyword, full-width and case folded', () => {
    const entry = { title: '江城市自来水公司发布停水通知', contentSnippet: 'Water supply in JIANGCHENG' };
    expect(entryMatches(entry, ['停水'])).toBe(true);
    expect(entryMatches(entry, ['ｊｉａｎｇｃｈｅｎｇ'])).toBe(true);
    expect(entryMatches(entry, ['地震', '台风'])).toBe(false);
    expect(entryMatches(entry, [])).toBe(true);
    expect(entryMatches({ title: '无关' }, ['  '])).toBe(false);
  });

  it('uses the guid, else the Atom id, else the link as the source id; a long one becomes a digest', () => {
    expect(entrySourceId({ guid: 'g-1', link: 'https://a/1' })).toBe('g-1');
    expect(entrySourceId({ id: 'urn:uuid:1', link: 'https://a/1' })).toBe('urn:uuid:1');
    expect(entrySourceId({ link: 'https://a/1' })).toBe('https://a/1');
    expect(entrySourceId({ title: 'no id' })).toBeUndefined();
    const long = entrySourceId({ link: `https://a/${'x'.repeat(300)}` });
    expect(long).toMatch(/^sha:[0-9a-f]{40}$/);
  });

  it('maps an entry to a mention the contract accepts, the author the entry’s or the site', () => {
    const withAuthor = mentionPayloadFor(
      { guid: 'g-7', title: '停水通知', contentSnippet: '明天停水', creator: '记者 李明', link: 'https://news.example.cn/7', isoDate: '2026-11-30T02:00:00.000Z' },
      feed,
      '江城新闻',
    );
    const validation = validateItemIntake('mention', withAuthor);
    expect(validation.ok && validation.item).toMatchObject({
      kind: 'mention',
      sourceId: 'g-7',
      platform: 'news',
      author: { id: '记者 李明', name: '记者 李明' },
      text: '停水通知\n明天停水',
      url: 'https://news.example.cn/7',
      publishedAt: '2026-11-30T02:00:00.000Z',
    });
    const now = new Date('2026-12-01T00:00:00.000Z');
    const anonymous = mentionPayloadFor({ id: 'a-1', title: '标题', author: { name: '' } }, feed, '江城新闻', now);
    expect(anonymous).toMatchObject({ author: { id: 'news.example.cn', name: '江城新闻' }, publishedAt: now.toISOString() });
  });

  it('lets the contract refuse an entry whose link is not http(s)', () => {
    const payload = mentionPayloadFor({ guid: 'g-8', title: '停水', link: 'javascript:alert(1)' }, feed, undefined);
    const validation = validateItemIntake('mention', payload);
    expect(validation.ok).toBe(false);
    expect(!validation.ok && validation.errors.map((e) => e.field)).toContain('url');
  });

  it('backs off a failing feed: the interval doubled per failure, at most an hour', () => {
    expect(nextPollDelayMs(60_000, 0)).toBe(60_000);
    expect(nextPollDelayMs(60_000, 1)).toBe(120_000);
    expect(nextPollDelayMs(60_000, 3)).toBe(480_000);
    expect(nextPollDelayMs(60_000, 30)).toBe(MAX_BACKOFF_MS);
    // A feed polled daily is not polled more often because it fails.
    expect(nextPollDelayMs(86_400_000, 2)).toBe(86_400_000);
  });
});
