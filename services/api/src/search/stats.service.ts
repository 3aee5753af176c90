import { Inject, Injectable } from '@nestjs/common';
import {
  itemsIndex,
  SENTIMENT_LABELS,
  STATS_TIME_ZONE,
  type SentimentStats,
  type StatsInterval,
  type StatsQuery,
  type VolumeStats,
} from '@liaowang/contract';
import { ELASTICSEARCH, type ElasticsearchClient, type EsTypes } from '@liaowang/platform';
import { itemQueryToEs } from '../items/item-query';

type Histogram = { buckets: { key_as_string: string; doc_count: number; sentiment?: { buckets: { key: string; doc_count: number }[] } }[] };

// Minutes are fixed widths; hours and longer follow the calendar in Shanghai (a day starts at 00:00 +08:00).
const INTERVALS: Record<StatsInterval, { fixed_interval: string } | { calendar_interval: EsTypes.AggregationsCalendarInterval }> = {
  '10m': { fixed_interval: '10m' },
  '30m': { fixed_interval: '30m' },
  hour: { calendar_interval: 'hour' },
  day: { calendar_interval: 'day' },
  week: { calendar_interval: 'week' },
  month: { calendar_interval: 'month' },
};

/** The date histogram of the matching items, bucketed in Asia/Shanghai. */
export function volumeHistogram(interval: StatsInterval): EsTypes.AggregationsDateHistogramAggregation {
  return {
    field: 'publishedAt',
    ...INTERVALS[interval],
    time_zone: STATS_TIME_ZONE,
    format: "yyyy-MM-dd'T'HH:mm:ssXXX",
    min_doc_count: 0,
  };
}

/** Time series for the charts: the same words and filters as the search (R-UI-2). */
@Injectable()
export class StatsService {
  constructor(@Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient) {}

  async volume(query: StatsQuery, options: { matchRawText: boolean }): Promise<VolumeStats> {
    const histogram = await this.histogram(query, options.matchRawText, false);
    return { interval: query.interval, timeZone: STATS_TIME_ZONE, buckets: histogram.buckets.map((b) => ({ start: b.key_as_string, count: b.doc_count })) };
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

  private async histogram(query: StatsQuery, matchRawText: boolean, bySentiment: boolean): Promise<Histogram> {
    const response = await this.es.search({
      index: itemsIndex.alias,
      size: 0,
      ignore_unavailable: true,
      allow_no_indices: true,
      query: itemQueryToEs(query, matchRawText),
      aggregations: {
        volume: {
          date_histogram: volumeHistogram(query.interval),
          aggregations: bySentiment ? { sentiment: { terms: { field: 'sentiment.label', size: SENTIMENT_LABELS.length } } } : undefined,
        },
      },
    });
    return (response.aggregations?.volume as Histogram | undefined) ?? { buckets: [] };
  }
}
