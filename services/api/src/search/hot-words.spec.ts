import { hotWordsQuerySchema } from '@liaowang/contract';
import { HOT_WORD_PATTERN, hotWordsOf, hotWordsSearch, hotWordStopWords, hotWordsWindow } from './hot-words';

const whole = new RegExp(`^(?:${HOT_WORD_PATTERN})$`);

describe('hot words', () => {
  it('drops stop words, numbers, single characters and emoji, and keeps words', () => {
    const stop = hotWordStopWords();
    for (const word of ['我们', '一个', '因为', 'the', 'THE']) expect(stop).toContain(word);
    for (const word of ['停水', '化工厂', '江城']) expect(stop).not.toContain(word);
    for (const word of ['停水', '化工厂', 'iPhone']) expect(word).toMatch(whole);
    for (const word of ['13912345678', '的', '😡', 'URL1', 'zhang.san@example.com', '5G']) expect(word).not.toMatch(whole);
  });

  it('defaults to the last 24 hours, written in Asia/Shanghai', () => {
    const window = hotWordsWindow({}, new Date('2026-12-01T04:00:00Z'));
    expect(window).toEqual({ since: '2026-11-30T12:00:00.000+08:00', until: '2026-12-01T12:00:00.000+08:00' });
  });

  it('draws the words from the window and the story, against every item', () => {
    const query = hotWordsQuerySchema.parse({ since: '2026-12-01T00:00:00+08:00', until: '2026-12-01T12:00:00+08:00', storyId: 'st-1' });
    const body = hotWordsSearch(query, hotWordsWindow(query), { matchRawText: true });
    expect(body.query.bool.filter).toEqual([
      { range: { publishedAt: { gte: '2026-12-01T00:00:00.000+08:00', lt: '2026-12-01T12:00:00.000+08:00' } } },
      { term: { storyId: 'st-1' } },
    ]);
    expect(body.query.bool.must_not).toEqual([]);
    expect(body.aggregations.sample.aggregations.words.significant_text).toMatchObject({ field: 'tokens', size: 30, include: HOT_WORD_PATTERN });
  });

  it('leaves out items with a masked address for a reader without raw access', () => {
    const query = hotWordsQuerySchema.parse({});
    expect(hotWordsSearch(query, hotWordsWindow(query), { matchRawText: false }).query.bool.must_not).toEqual([{ term: { piiTypes: 'address' } }]);
  });

  it('refuses a window that ends before it starts, naming since', () => {
    const result = hotWordsQuerySchema.safeParse({ since: '2026-12-02T00:00:00+08:00', until: '2026-12-01T00:00:00+08:00' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(['since']);
  });

  it('maps the buckets', () => {
    expect(hotWordsOf({ doc_count: 9, words: { buckets: [{ key: '停水', doc_count: 6, bg_count: 7, score: 1.23456 }] } })).toEqual([
      { word: '停水', count: 6, backgroundCount: 7, score: 1.235 },
    ]);
    expect(hotWordsOf(undefined)).toEqual([]);
  });
});
