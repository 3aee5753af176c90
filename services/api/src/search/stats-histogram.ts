import { STATS_TIME_ZONE, type StatsInterval, type StatsQuery } from '@liaowang/contract';
import type { EsTypes } from '@liaowang/platform';

// Minutes are fixed widths; hours and longer follow the calendar in Shanghai (a day starts at 00:00 +08:00).
const INTERVALS: Record<
  StatsInterval,
  { fixed_interval: string } | { calendar_interval: EsTypes.AggregationsCalendarInterval }
> = {
  '10m': { fixed_interval: '10m' },
  '30m': { fixed_interval: '30m' },
  hour: { calendar_interval: 'hour' },
  day: { calendar_interval: 'day' },
  week: { calendar_interval: 'week' },
  month: { calendar_interval: 'month' },
};

/**
 * The date histogram of the matching items, bucketed in Asia/Shanghai. Empty buckets are kept,
 * over the whole asked range when it has both ends, so a chart shows quiet periods as zero.
 */
export function volumeHistogram(
  query: Pick<StatsQuery, 'interval' | 'from' | 'to'>,
): EsTypes.AggregationsDateHistogramAggregation {
  return {
    field: 'publishedAt',
    ...INTERVALS[query.interval],
    time_zone: STATS_TIME_ZONE,
    format: "yyyy-MM-dd'T'HH:mm:ssXXX",
    min_doc_count: 0,
    // `to` is exclusive; the bounds are inclusive.
    extended_bounds:
      query.from && query.to ? { min: Date.parse(query.from), max: Date.parse(query.to) - 1 } : undefined,
  };
}
