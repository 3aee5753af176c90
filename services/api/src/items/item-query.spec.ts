import { itemSearchQuerySchema } from '@liaowang/contract';
import { ProblemException } from '@liaowang/platform';
import { facetBuckets, filtersToEs, itemQueryToEs, itemSearchToEs, itemSortToEs, keywordQueryToEs, parseSearchText, searchFields, UNCHOSEN_FACETS } from './item-query';

const phrase = (query: string, fields = ['masked']) => ({ multi_match: { query, type: 'phrase', fields } });
const compile = (q: string, fields = ['masked']) => keywordQueryToEs(parseSearchText(q), fields);

describe('keywordQueryToEs', () => {
  it('makes a term a phrase match, so Chinese characters stay adjacent', () => {
    expect(compile('停水')).toEqual(phrase('停水'));
  });

  it('makes AND a must, OR a should with one required, NOT a must_not', () => {
    expect(compile('停水 AND (江城 OR 武汉) NOT 演练')).toEqual({
      bool: {
        must: [
          phrase('停水'),
          { bool: { should: [phrase('江城'), phrase('武汉')], minimum_should_match: 1 } },
          { bool: { must_not: [phrase('演练')] } },
        ],
      },
    });
  });

  it('keeps a quoted phrase with its space as one phrase', () => {
    expect(compile('"全市 停水"')).toEqual(phrase('全市 停水'));
  });

  it('searches a traditional-script term in its simplified form too', () => {
    expect(compile('停電')).toEqual({ bool: { should: [phrase('停電'), phrase('停电')], minimum_should_match: 1 } });
  });

  it('makes NEAR/n an unordered intervals query with at most n tokens between', () => {
    expect(compile('停水 NEAR/5 三天')).toEqual({
      intervals: {
        masked: {
          all_of: {
            ordered: false,
            max_gaps: 5,
            intervals: [
              { match: { query: '停水', max_gaps: 0, ordered: true } },
              { match: { query: '三天', max_gaps: 0, ordered: true } },
            ],
          },
        },
      },
    });
  });

  it('matches the raw text only for who may see raw evidence', () => {
    expect(searchFields(false)).toEqual(['masked']);
    expect(searchFields(true)).toEqual(['masked', 'text']);
    expect(compile('13812345678', searchFields(false))).toEqual(phrase('13812345678'));
  });

  it('refuses bad syntax with a 400 naming q', () => {
    let caught: unknown;
    try {
      parseSearchText('(停水');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ProblemException);
    const problem = (caught as ProblemException).getResponse() as { status: number; errors: { field: string }[] };
    expect(problem.status).toBe(400);
    expect(problem.errors[0].field).toBe('q');
  });
});

describe('filtersToEs', () => {
  const parse = (query: Record<string, unknown>) => itemSearchQuerySchema.parse(query);

  it('turns each facet into a terms filter, comma lists and repeated parameters alike', () => {
    expect(filtersToEs(parse({ platform: 'weibo,douyin', sentiment: ['negative'], kind: 'mention', category: 'false_alarm_rumor', region: '湖北' }))).toEqual([
      { terms: { kind: ['mention'] } },
      { terms: { platform: ['weibo', 'douyin'] } },
      { terms: { 'sentiment.label': ['negative'] } },
      { terms: { categories: ['false_alarm_rumor'] } },
      { terms: { region: ['湖北'] } },
    ]);
  });

  it('filters by story on the storyId items carry', () => {
    expect(filtersToEs(parse({ story: 'story-1,story-2' }))).toEqual([{ terms: { storyId: ['story-1', 'story-2'] } }]);
  });

  it('matches an author by id or name', () => {
    expect(filtersToEs(parse({ author: 'u-1' }))).toEqual([
      { bool: { should: [{ terms: { 'author.id': ['u-1'] } }, { terms: { 'author.name': ['u-1'] } }], minimum_should_match: 1 } },
    ]);
  });

  it('makes ranges of rumor risk (inclusive) and time (from inclusive, to exclusive)', () => {
    expect(filtersToEs(parse({ riskMin: '0.6', from: '2026-12-01T00:00:00+08:00', to: '2026-12-02T00:00:00+08:00' }))).toEqual([
      { range: { 'rumor.score': { gte: 0.6, lte: undefined } } },
      { range: { publishedAt: { gte: '2026-12-01T00:00:00+08:00', lt: '2026-12-02T00:00:00+08:00' } } },
    ]);
  });

  it('leaves an empty search as match_all and puts words in must, filters in filter', () => {
    expect(itemQueryToEs(parse({}), false)).toEqual({ match_all: {} });
    expect(itemQueryToEs(parse({ q: '停水', platform: 'weibo' }), false)).toEqual({
      bool: { must: [phrase('停水')], filter: [{ terms: { platform: ['weibo'] } }] },
    });
  });

  it('refuses an unknown facet value with the field named', () => {
    const result = itemSearchQuerySchema.safeParse({ sentiment: 'angry' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path[0]).toBe('sentiment');
  });
});

describe('itemSearchToEs', () => {
  const platform = { terms: { platform: ['weibo'] } };
  const sentiment = { terms: { 'sentiment.label': ['negative'] } };
  const request = itemSearchToEs(itemSearchQuerySchema.parse({ q: '停水', platform: 'weibo', sentiment: 'negative', riskMin: '0.5' }), false, true);
  const aggregations = request.aggregations as Record<string, { filter: unknown; aggregations: Record<string, unknown> }>;

  it('keeps the words and ranges in the query and the facet filters in post_filter', () => {
    expect(request.query).toEqual({ bool: { must: [phrase('停水')], filter: [{ range: { 'rumor.score': { gte: 0.5, lte: undefined } } }] } });
    expect(request.post_filter).toEqual({ bool: { filter: [platform, sentiment] } });
  });

  it("counts each facet under every other facet's filter but not its own", () => {
    expect(aggregations.platform.filter).toEqual({ bool: { filter: [sentiment] } });
    expect(aggregations.platform.aggregations).toEqual({ values: { terms: { field: 'platform', size: 20 } } });
    expect(aggregations.sentiment.filter).toEqual({ bool: { filter: [platform] } });
    expect(aggregations[UNCHOSEN_FACETS].filter).toEqual({ bool: { filter: [platform, sentiment] } });
  });

  it('counts the facets not narrowed, and the rumor-risk bands, under one filter aggregation of all chosen filters', () => {
    expect(Object.keys(aggregations).sort()).toEqual([UNCHOSEN_FACETS, 'platform', 'sentiment'].sort());
    expect(Object.keys(aggregations[UNCHOSEN_FACETS].aggregations).sort()).toEqual(['author', 'category', 'kind', 'province', 'region', 'rumorRisk']);
    const none = itemSearchToEs(itemSearchQuerySchema.parse({ q: '停水' }), false, true).aggregations as typeof aggregations;
    expect(Object.keys(none)).toEqual([UNCHOSEN_FACETS]);
    expect(none[UNCHOSEN_FACETS].filter).toEqual({ match_all: {} });
  });

  it('reads each facet from where it was counted', () => {
    const buckets = (key: string) => ({ buckets: [{ key, doc_count: 3 }] });
    const response = { platform: { doc_count: 9, values: buckets('weibo') }, [UNCHOSEN_FACETS]: { doc_count: 7, kind: buckets('mention'), rumorRisk: buckets('high') } };
    expect(facetBuckets(response, 'platform')).toEqual([{ key: 'weibo', doc_count: 3 }]);
    expect(facetBuckets(response, 'kind')).toEqual([{ key: 'mention', doc_count: 3 }]);
    expect(facetBuckets(response, 'rumorRisk')).toEqual([{ key: 'high', doc_count: 3 }]);
    expect(facetBuckets(response, 'region')).toEqual([]);
    expect(facetBuckets(undefined, 'kind')).toEqual([]);
  });

  it('asks for no counts and no post_filter when there is nothing to count or narrow', () => {
    const bare = itemSearchToEs(itemSearchQuerySchema.parse({}), false, false);
    expect(bare).toEqual({ query: { match_all: {} }, post_filter: undefined, aggregations: undefined });
  });
});

describe('itemSortToEs', () => {
  it('ends every sort with publishedAt and id so cursors are total', () => {
    expect(itemSortToEs('newest')).toEqual([{ publishedAt: 'desc' }, { id: 'asc' }]);
    expect(itemSortToEs('risk')[0]).toEqual({ 'rumor.score': 'desc' });
    expect(itemSortToEs('relevance').slice(-1)).toEqual([{ id: 'asc' }]);
  });
});
