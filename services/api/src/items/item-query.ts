import { KeywordQueryError, parseKeywordQuery, type KeywordQuery } from '@liaowang/alerting';
import { RUMOR_RISK_BANDS, type ItemFacets, type ItemFilters, type ItemSort } from '@liaowang/contract';
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

type FacetName = Exclude<keyof ItemFacets, 'rumorRisk'>;

// The keyword field each facet counts; the author is filtered by id or name, counted by name.
export const FACET_FIELDS: Record<FacetName, string> = {
  kind: 'kind',
  platform: 'platform',
  sentiment: 'sentiment.label',
  category: 'categories',
  region: 'region',
  province: 'place.province',
  author: 'author.name',
};
const FACET_NAMES = Object.keys(FACET_FIELDS) as FacetName[];

/** One filter clause per facet the caller narrowed, values OR-ed. */
export function facetFilters(filters: ItemFilters): Partial<Record<FacetName, QueryContainer>> {
  const clauses: Partial<Record<FacetName, QueryContainer>> = {};
  for (const facet of FACET_NAMES) {
    const values = filters[facet];
    if (!values?.length) continue;
    clauses[facet] =
      facet === 'author'
        ? { bool: { should: [{ terms: { 'author.id': [...values] } }, { terms: { 'author.name': [...values] } }], minimum_should_match: 1 } }
        : { terms: { [FACET_FIELDS[facet]]: [...values] } };
  }
  return clauses;
}

/** The filters that are not facets with counts: story, rumor-risk range, time range. */
export function rangeFilters(filters: ItemFilters): QueryContainer[] {
  const clauses: QueryContainer[] = [];
  if (filters.story?.length) clauses.push({ terms: { storyId: [...filters.story] } });
  if (filters.riskMin !== undefined || filters.riskMax !== undefined) {
    clauses.push({ range: { 'rumor.score': { gte: filters.riskMin, lte: filters.riskMax } } });
  }
  if (filters.from || filters.to) clauses.push({ range: { publishedAt: { gte: filters.from, lt: filters.to } } });
  return clauses;
}

/** Every filter as Elasticsearch filter clauses: values of one facet OR-ed, facets AND-ed. */
export function filtersToEs(filters: ItemFilters): QueryContainer[] {
  return [...Object.values(facetFilters(filters)), ...rangeFilters(filters)];
}

function wordsOf(filters: ItemFilters, matchRawText: boolean): QueryContainer[] {
  return filters.q ? [keywordQueryToEs(parseSearchText(filters.q), searchFields(matchRawText))] : [];
}

function boolOf(must: QueryContainer[], filter: QueryContainer[]): QueryContainer {
  return !must.length && !filter.length ? { match_all: {} } : { bool: { must, filter } };
}

/** The words (scored) and every filter (not scored): what the stats count. */
export function itemQueryToEs(filters: ItemFilters, matchRawText: boolean): QueryContainer {
  return boolOf(wordsOf(filters, matchRawText), filtersToEs(filters));
}

export const FACET_SIZE = 20;

/** The container of the counts of every facet the caller did not narrow (see itemSearchToEs). */
export const UNCHOSEN_FACETS = 'facets';

/**
 * The search with facet counts that stay useful while narrowing: the facet filters go to
 * `post_filter`, and each facet is counted under every filter but its own, so a chosen platform
 * still shows the other platforms' counts to add. The hits and `total` are under all filters, so
 * a value's count is what choosing it (alone in its facet) finds. The facets not narrowed are all
 * counted under all the chosen filters: one filter aggregation holds them (and the rumor-risk
 * bands), so the chosen filters are matched once for them instead of once per facet. A chosen
 * facet has its own filter aggregation (the other facets' filters).
 */
export function itemSearchToEs(filters: ItemFilters, matchRawText: boolean, withFacets: boolean) {
  const byFacet = facetFilters(filters);
  const chosen = Object.values(byFacet);
  const query = boolOf(wordsOf(filters, matchRawText), rangeFilters(filters));
  const under = (clauses: QueryContainer[]): QueryContainer => (clauses.length ? { bool: { filter: clauses } } : { match_all: {} });
  const counts = (facet: FacetName): EsTypes.AggregationsAggregationContainer => ({ terms: { field: FACET_FIELDS[facet], size: FACET_SIZE } });
  const aggregations: Aggregations = {};
  if (withFacets) {
    const unchosen: Aggregations = Object.fromEntries(FACET_NAMES.filter((f) => !byFacet[f]).map((f) => [f, counts(f)]));
    unchosen.rumorRisk = { range: { field: 'rumor.score', keyed: false, ranges: RUMOR_RISK_BANDS.map((b) => ({ key: b.key, from: b.from, to: b.to })) } };
    aggregations[UNCHOSEN_FACETS] = { filter: under(chosen), aggregations: unchosen };
    for (const facet of FACET_NAMES.filter((f) => byFacet[f])) {
      const others = FACET_NAMES.filter((f) => f !== facet).flatMap((f) => (byFacet[f] ? [byFacet[f]] : []));
      aggregations[facet] = { filter: under(others), aggregations: { values: counts(facet) } };
    }
  }
  return { query, post_filter: chosen.length ? under(chosen) : undefined, aggregations: withFacets ? aggregations : undefined };
}

type Buckets = { buckets: { key: string | number; doc_count: number }[] };

/** The counts of one facet from the aggregations itemSearchToEs asked for. */
export function facetBuckets(aggregations: Record<string, unknown> | undefined, facet: keyof ItemFacets): Buckets['buckets'] {
  const own = aggregations?.[facet] as { values?: Buckets } | undefined;
  const unchosen = aggregations?.[UNCHOSEN_FACETS] as Record<string, Buckets | undefined> | undefined;
  return own?.values?.buckets ?? unchosen?.[facet]?.buckets ?? [];
}

// Every sort ends in `id`, so the order is total and a search_after cursor neither skips nor repeats.
export function itemSortToEs(sort: ItemSort): SortList {
  const tail: SortList = [{ publishedAt: 'desc' }, { id: 'asc' }];
  if (sort === 'risk') return [{ 'rumor.score': 'desc' }, ...tail];
  if (sort === 'relevance') return [{ _score: { order: 'desc' } }, ...tail];
  return tail;
}
