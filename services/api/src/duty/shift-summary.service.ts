import { Inject, Injectable } from '@nestjs/common';
import {
  ALERT_STATES,
  ALERTS_INDEX_NAME,
  emptyAlertCounts,
  OPEN_ALERT_STATES,
  type Alert,
  type AlertState,
  type ShiftSummary,
} from '@liaowang/contract';
import { ELASTICSEARCH, type ElasticsearchClient } from '@liaowang/platform';

const OPEN_SAMPLES = 10;
const RULES_LISTED = 50;

interface Bucket {
  key: string;
  doc_count: number;
}
interface RuleBucket extends Bucket {
  name: { hits: { hits: { _source?: { rule?: { name?: string } } }[] } };
}

/**
 * The generated part of a handover (R-ALR-4): alerts raised during the shift by state and by
 * rule, and what is still open now, from aggregations on the alerts index. Cases, stories and
 * comments join as those features land; until then their lists are empty.
 */
@Injectable()
export class ShiftSummaryService {
  constructor(@Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient) {}

  async summarize(from: string, to: string): Promise<ShiftSummary> {
    const [raised, open] = await Promise.all([
      this.es.search<Alert>({
        index: ALERTS_INDEX_NAME,
        size: 0,
        track_total_hits: true,
        query: { range: { firstAt: { gte: from, lt: to } } },
        aggs: {
          byState: { terms: { field: 'state', size: ALERT_STATES.length } },
          // The rule's name lives in the snapshot, which is not indexed: read it from one alert.
          byRule: { terms: { field: 'ruleId', size: RULES_LISTED }, aggs: { name: { top_hits: { size: 1, _source: ['rule.name'] } } } },
        },
      }),
      this.es.search<Alert>({
        index: ALERTS_INDEX_NAME,
        size: OPEN_SAMPLES,
        track_total_hits: true,
        query: { terms: { state: [...OPEN_ALERT_STATES] } },
        sort: [{ firstAt: 'desc' }],
        _source: ['id', 'rule.name', 'severity', 'state', 'firstAt'],
      }),
    ]);
    const aggs = raised.aggregations as { byState: { buckets: Bucket[] }; byRule: { buckets: RuleBucket[] } } | undefined;
    const alertsByState = emptyAlertCounts();
    for (const bucket of aggs?.byState.buckets ?? []) {
      if ((ALERT_STATES as readonly string[]).includes(bucket.key)) alertsByState[bucket.key as AlertState] = bucket.doc_count;
    }
    return {
      from,
      to,
      alertsRaised: totalOf(raised.hits.total),
      alertsByState,
      alertsByRule: (aggs?.byRule.buckets ?? []).map((b) => ({
        ruleId: b.key,
        name: b.name.hits.hits[0]?._source?.rule?.name ?? b.key,
        count: b.doc_count,
      })),
      openAlerts: totalOf(open.hits.total),
      openAlertSamples: open.hits.hits.flatMap((hit) =>
        hit._source ? [{ id: hit._source.id, ruleName: hit._source.rule?.name ?? '', severity: hit._source.severity, state: hit._source.state, firstAt: hit._source.firstAt }] : [],
      ),
      // The case issue supplies open cases, the stories issue notable stories, the comments
      // feature unanswered comments; the fields are kept so the page and the record stay the same.
      openCases: [],
      notableStories: [],
      unansweredComments: [],
    };
  }
}

function totalOf(total: number | { value: number } | undefined): number {
  return typeof total === 'number' ? total : (total?.value ?? 0);
}
