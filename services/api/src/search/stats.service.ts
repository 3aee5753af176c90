import { Inject, Injectable } from '@nestjs/common';
import {
  itemsIndex,
  SENTIMENT_LABELS,
  STATS_TIME_ZONE,
  type HotWords,
  type HotWordsQuery,
  type SentimentStats,
  type StatsQuery,
  type VolumeStats,
} from '@liaowang/contract';
import { ELASTICSEARCH, ProblemException, type ElasticsearchClient } from '@liaowang/platform';
import { itemQueryToEs } from '../items/item-query';
import { hotWordsOf, hotWordsSearch, hotWordsWindow, type SignificantTextAggregation } from './hot-words';
import { volumeHistogram } from './stats-histogram';

type Histogram = {
  buckets: {
    key_as_string: string;
    doc_count: number;
    sentiment?: { buckets: { key: string; doc_count: number }[] };
  }[];
};

// Elasticsearch refuses a histogram of more buckets than search.max_buckets: the caller asked
// for too fine an interval over too long a range, which is theirs to change.
function tooManyBuckets(error: unknown): boolean {
  return JSON.stringify((error as { meta?: { body?: unknown } }).meta?.body ?? '').includes(
    'too_many_buckets_exception',
  );
}

/** Time series for the charts: the same words and filters as the search (R-UI-2). */
@Injectable()
export class StatsService {
  constructor(@Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient) {}

  async volume(query: StatsQuery, options: { matchRawText: boolean }): Promise<VolumeStats> {
    const histogram = await this.histogram(query, options.matchRawText, false);
    return {
      interval: query.interval,
      timeZone: STATS_TIME_ZONE,
      buckets: histogram.buckets.map((b) => ({ start: b.key_as_string, count: b.doc_count })),
    };
  }

  async sentiment(query: StatsQuery, options: { matchRawText: boolean }): Promise<SentimentStats> {
    const histogram = await this.histogram(query, options.matchRawText, true);
    return {
      interval: query.interval,
      timeZone: STATS_TIME_ZONE,
      buckets: histogram.buckets.map((b) => {
        const count = (label: string) => b.sentiment?.buckets.find((s) => s.key === label)?.doc_count ?? 0;
        const [negative, neutral, positive] = SENTIMENT_LABELS.map(count);
        return { start: b.key_as_string, count: b.doc_count, negative, neutral, positive };
      }),
    };
  }

  /** The words that rise in a window against every stored item (issue 10 item 3). */
  async hotWords(query: HotWordsQuery, options: { matchRawText: boolean }): Promise<HotWords> {
    const window = hotWordsWindow(query);
    const response = await this.es.search({
      index: itemsIndex.alias,
      size: 0,
      ignore_unavailable: true,
      allow_no_indices: true,
      ...hotWordsSearch(query, window, options),
    });
    const sample = response.aggregations?.sample as SignificantTextAggregation | undefined;
    return {
      ...window,
      ...(query.storyId ? { storyId: query.storyId } : {}),
      items: sample?.doc_count ?? 0,
      words: hotWordsOf(sample),
    };
  }

  private async histogram(query: StatsQuery, matchRawText: boolean, bySentiment: boolean): Promise<Histogram> {
    const response = await this.es
      .search({
        index: itemsIndex.alias,
        size: 0,
        ignore_unavailable: true,
        allow_no_indices: true,
        query: itemQueryToEs(query, matchRawText),
        aggregations: {
          volume: {
            date_histogram: volumeHistogram(query),
            aggregations: bySentiment
              ? { sentiment: { terms: { field: 'sentiment.label', size: SENTIMENT_LABELS.length } } }
              : undefined,
          },
        },
      })
      .catch((error: unknown) => {
        if (!tooManyBuckets(error)) throw error;
        throw new ProblemException({
          type: 'urn:liaowang:problem:validation',
          title: 'Invalid request',
          status: 400,
          detail: 'interval: too many buckets for this time range',
          errors: [
            {
              field: 'interval',
              message: 'too many buckets for this time range: choose a longer interval or a shorter range',
            },
          ],
        });
      });
    return (response.aggregations?.volume as Histogram | undefined) ?? { buckets: [] };
  }
}
