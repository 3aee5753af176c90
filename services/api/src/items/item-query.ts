import { KeywordQueryError, parseKeywordQuery, type KeywordQuery } from '@liaowang/alerting';
import { RUMOR_RISK_BANDS, type ItemFilters, type ItemSort } from '@liaowang/contract';
import { ProblemException, type EsTypes } from '@liaowang/platform';

type QueryContainer = EsTypes.QueryDslQueryContainer;
type SortList = EsTypes.SortCombinations[];
type Aggregations = Record<string, EsTypes.AggregationsAggregationContainer>;

/** The text fields a caller's words may match: the raw text only for who may see raw evidence. */
export function searchFields(matchRawText: boolean): string[] {
  return matchRawText ? ['masked', 'text'] : ['masked'];
}

// The forms one term is searched in: as written and in the matcher's canonical form
// (simplified, half-width), so 「疫情」 and 「疫情」 in traditional script find the same posts.
function termForms(term: Extract<KeywordQuery, { type: 'term' }>): string[] {
  return term.text.trim().toLowerCase() === term.match ? [term.match] : [term.text.trim(), term.match];
}

function anyOf(queries: QueryContainer[]): QueryContainer {
  return queries.length === 1 ? queries[0] : { bool: { should: queries, minimum_should_match: 1 } };
}

/**
 * A keyword query of the alert rules' language as an Elasticsearch query. A term is a phrase
 * match: on the standard analyzer every Han character is a token and adjacency is enforced, so
 * a term matches as the substring the rule matcher means. NEAR/n becomes an intervals query
 * with at most n tokens (characters, for Chinese) between the two phrases, in either order.
 */
export function keywordQueryToEs(query: KeywordQuery, fields: string[]): QueryContainer {
  switch (query.type) {
    case 'term':
      return anyOf(termForms(query).map((form) => ({ multi_match: { query: form, type: 'phrase', fields } })));
    case 'and':
      return { bool: { must: query.operands.map((q) => keywordQueryToEs(q, fields)) } };
    case 'or':
      return { bool: { should: query.operands.map((q) => keywordQueryToEs(q, fields)), minimum_should_match: 1 } };
    case 'not':
      return { bool: { must_not: [keywordQueryToEs(query.operand, fields)] } };
    case 'near':
      return anyOf(
        fields.map((field) => ({
          intervals: {
            [field]: {
              all_of: {
                ordered: false,
                max_gaps: query.distance,
                intervals: [query.left, query.right].map((t) => ({ match: { query: t.match, max_gaps: 0, ordered: true } })),
              },
            },
          },
        })),
      );
  }
}

/** Parses `q`; a syntax error is a 400 naming `q`, with where it went wrong. */
export function parseSearchText(q: string): KeywordQuery {
  try {
    return parseKeywordQuery(q);
  } catch (error) {
    if (!(error instanceof KeywordQueryError)) throw error;
    throw new ProblemException({
      type: 'urn:liaowang:problem:validation',
      title: 'Invalid request',
      status: 400,
      detail: `q: ${error.message}`,
      errors: [{ field: 'q', message: `${error.message} (at character ${error.offset})` }],
    });
  }
}

/** The facet filters as Elasticsearch filter clauses: values of one facet OR-ed, facets AND-ed. */
export function filtersToEs(filters: ItemFilters): QueryContainer[] {
  const clauses: QueryContainer[] = [];
  const terms = (field: string, values: readonly string[] | undefined) => {
    if (values?.length) clauses.push({ terms: { [field]: [...values] } });
  };
  terms('kind', filters.kind);
  terms('platform', filters.platform);
  terms('sentiment.label', filters.sentiment);
  terms('categories', filters.category);
  terms('region', filters.region);
  terms('storyId', filters.story);
  if (filters.author?.length) {
    clauses.push({ bool: { should: [{ terms: { 'author.id': filters.author } }, { terms: { 'author.name': filters.author } }], minimum_should_match: 1 } });
  }
  if (filters.riskMin !== undefined || filters.riskMax !== undefined) {
    clauses.push({ range: { 'rumor.score': { gte: filters.riskMin, lte: filters.riskMax } } });
  }
  if (filters.from || filters.to) clauses.push({ range: { publishedAt: { gte: filters.from, lt: filters.to } } });
  return clauses;
}

/** The whole search: the words (scored) and the filters (not scored). */
export function itemQueryToEs(filters: ItemFilters, matchRawText: boolean): QueryContainer {
  const filter = filtersToEs(filters);
  const must = filters.q ? [keywordQueryToEs(parseSearchText(filters.q), searchFields(matchRawText))] : [];
  if (!must.length && !filter.length) return { match_all: {} };
  return { bool: { must, filter } };
}

// Every sort ends in `id`, so the order is total and a search_after cursor neither skips nor repeats.
export function itemSortToEs(sort: ItemSort): SortList {
  const tail: SortList = [{ publishedAt: 'desc' }, { id: 'asc' }];
  if (sort === 'risk') return [{ 'rumor.score': 'desc' }, ...tail];
  if (sort === 'relevance') return [{ _score: { order: 'desc' } }, ...tail];
  return tail;
}

export const FACET_SIZE = 20;

/** Terms aggregations per facet (keyword fields), and the rumor-risk bands. */
export function facetAggregations(): Aggregations {
  const terms = (field: string) => ({ terms: { field, size: FACET_SIZE } });
  return {
    kind: terms('kind'),
    platform: terms('platform'),
    sentiment: terms('sentiment.label'),
    category: terms('categories'),
    region: terms('region'),
    author: terms('author.name'),
    rumorRisk: { range: { field: 'rumor.score', keyed: false, ranges: RUMOR_RISK_BANDS.map((b) => ({ key: b.key, from: b.from, to: b.to })) } },
  };
}
