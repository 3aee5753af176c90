import { ALERT_RULES_INDEX_NAME, itemDocumentSummary, itemsIndex, STORIES_INDEX_NAME, type ItemDocument, type ItemSummary, type SpikeKind, type Story } from '@liaowang/contract';
import { foundDocs, type ElasticsearchClient, type EsTypes } from '@liaowang/platform';
import type { TimeWindow } from './spike-windows';

/** One thing whose volume is watched, and how to find its items. */
export interface WatchedSeries {
  kind: SpikeKind;
  key: string;
  label: string;
  filter: EsTypes.QueryDslQueryContainer;
}

const iso = (ms: number) => new Date(ms).toISOString();
const inWindow = (w: TimeWindow): EsTypes.QueryDslQueryContainer => ({ range: { publishedAt: { gte: iso(w.from), lt: iso(w.to) } } });
/** The series' name in the counting request and its answer. */
export const seriesName = (s: Pick<WatchedSeries, 'kind' | 'key'>) => `${s.kind}:${s.key}`;

export const NEGATIVE_SERIES: WatchedSeries = { kind: 'negative', key: 'negative', label: '负面声量', filter: { term: { 'sentiment.label': 'negative' } } };

export function keywordSeries(term: string): WatchedSeries {
  // The standard analyzer makes one token per Han character: a phrase query finds the word.
  return { kind: 'keyword', key: term, label: term, filter: { match_phrase: { text: term } } };
}

/**
 * What the detector counts, read from the items index by aggregation every time (by publishedAt):
 * nothing is held in memory, so a restart loses no baseline and several instances agree.
 */
export class SpikeCountsRepository {
  constructor(
    private readonly es: ElasticsearchClient,
    // Where items and stories are read (a test names scratch indices).
    private readonly indices: { items: string; stories: string } = { items: itemsIndex.alias, stories: STORIES_INDEX_NAME },
  ) {}

  /** The keyword queries of the enabled rules (the watch list, see watched-keywords.ts). */
  async keywordQueries(): Promise<string[]> {
    const response = await this.es.search<{ match?: { keywords?: string } }>({
      index: ALERT_RULES_INDEX_NAME,
      size: 10_000,
      // `match` is stored, not indexed: the keyword rules are picked here.
      query: { term: { enabled: true } },
      _source: ['match.keywords'],
      ignore_unavailable: true,
      allow_no_indices: true,
    });
    return response.hits.hits.map((hit) => hit._source?.match?.keywords).filter((k): k is string => typeof k === 'string');
  }

  /**
   * Stories with at least `minCount` items in the window: only those can spike. All of them, paged
   * (a terms aggregation's top N would keep the largest stories and silently leave out a new,
   * fast-growing one whenever N bigger stories share the window).
   */
  async storiesAtLeast(window: TimeWindow, minCount: number, pageSize = 1_000): Promise<WatchedSeries[]> {
    const ids: string[] = [];
    let after: Record<string, EsTypes.FieldValue> | undefined;
    do {
      const response = await this.es.search({
        index: this.indices.items,
        size: 0,
        query: { bool: { filter: [inWindow(window), { exists: { field: 'storyId' } }] } },
        aggs: { stories: { composite: { size: pageSize, sources: [{ story: { terms: { field: 'storyId' } } }], ...(after ? { after } : {}) } } },
        ignore_unavailable: true,
        allow_no_indices: true,
      });
      const page = response.aggregations?.stories as { buckets?: { key: { story: string }; doc_count: number }[]; after_key?: Record<string, EsTypes.FieldValue> } | undefined;
      for (const bucket of page?.buckets ?? []) if (bucket.doc_count >= minCount) ids.push(String(bucket.key.story));
      after = (page?.buckets?.length ?? 0) === pageSize ? page?.after_key : undefined;
    } while (after);
    const titles = await this.storyTitles(ids);
    return ids.map((id) => ({ kind: 'story', key: id, label: titles.get(id) ?? id, filter: { term: { storyId: id } } }));
  }

  /** Count of each series in each window, a request per `chunk` series: counts[series][window index]. */
  async counts(series: readonly WatchedSeries[], windows: readonly TimeWindow[], chunk = 500): Promise<Map<string, number[]>> {
    const result = new Map<string, number[]>();
    for (let start = 0; start < series.length; start += chunk) {
      for (const [name, counts] of await this.countsOf(series.slice(start, start + chunk), windows)) result.set(name, counts);
    }
    return result;
  }

  private async countsOf(series: readonly WatchedSeries[], windows: readonly TimeWindow[]): Promise<Map<string, number[]>> {
    const result = new Map<string, number[]>();
    const response = await this.es.search({
      index: this.indices.items,
      size: 0,
      query: { bool: { should: windows.map(inWindow), minimum_should_match: 1 } },
      aggs: {
        series: {
          filters: { filters: Object.fromEntries(series.map((s) => [seriesName(s), s.filter])) },
          aggs: { windows: { date_range: { field: 'publishedAt', ranges: windows.map((w, i) => ({ key: String(i), from: iso(w.from), to: iso(w.to) })) } } },
        },
      },
      ignore_unavailable: true,
      allow_no_indices: true,
    });
    type RangeBucket = { key: string; doc_count: number };
    const buckets = (response.aggregations?.series as { buckets?: Record<string, { windows: { buckets: RangeBucket[] } }> } | undefined)?.buckets ?? {};
    for (const s of series) {
      const counts = new Array<number>(windows.length).fill(0);
      for (const bucket of buckets[seriesName(s)]?.windows.buckets ?? []) counts[Number(bucket.key)] = bucket.doc_count;
      result.set(seriesName(s), counts);
    }
    return result;
  }

  /** The window's newest items of each series, masked, in one request: topItems[series index]. */
  async topItems(series: readonly WatchedSeries[], window: TimeWindow, size: number): Promise<ItemSummary[][]> {
    if (series.length === 0) return [];
    const response = await this.es.msearch<ItemDocument>({
      searches: series.flatMap((s) => [
        { index: this.indices.items, ignore_unavailable: true, allow_no_indices: true },
        { size, query: { bool: { filter: [inWindow(window), s.filter] } }, sort: [{ publishedAt: 'desc' }, { id: 'asc' }] },
      ]),
    });
    return response.responses.map((answer, i) => {
      if ('error' in answer) throw new Error(`top items of ${seriesName(series[i]!)} not read: ${JSON.stringify(answer.error)}`);
      return answer.hits.hits.map((hit) => itemDocumentSummary(hit._source!));
    });
  }

  private async storyTitles(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const response = await this.es.mget<Story>({ index: this.indices.stories, ids: [...ids], _source: ['title'] });
    return new Map(foundDocs(response.docs, 'story').map((doc) => [doc.id, doc.source.title]));
  }
}

