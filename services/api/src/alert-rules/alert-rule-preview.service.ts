import { Inject, Injectable } from '@nestjs/common';
import { compileMatch, compileSpikeCondition, toMatchText, type PreparedItem } from '@liaowang/alerting';
import { itemsIndex, spikesIndex, type AlertRulePreview, type ItemDocument, type Spike, type SpikeCondition, type ValidAlertRuleInput } from '@liaowang/contract';
import { ELASTICSEARCH, type ElasticsearchClient } from '@liaowang/platform';
import { assertCompiles } from './alert-rule.service';
import { alertsPerThousand, countPreviewAlerts } from './preview-alert-count';

const PREVIEW_DAYS = 7;
// A week of a busy office is tens of thousands of items; beyond the cap the answer says so.
export const PREVIEW_MAX_ITEMS = 50_000;
const PAGE_SIZE = 2_000;
const SAMPLE_SIZE = 10;
const FIELDS = ['id', 'kind', 'author', 'text', 'masked', 'publishedAt', 'sentiment', 'rumor', 'categoryReasons'] as const;
type ScannedItem = Pick<ItemDocument, (typeof FIELDS)[number]>;

/**
 * The backtest before saving (R-ALR-1): runs the rule in process, with the evaluator's matcher,
 * over the last week of indexed items, newest first, and counts the alerts it would have raised.
 */
@Injectable()
export class AlertRulePreviewService {
  constructor(@Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient) {}

  async preview(input: ValidAlertRuleInput, now = new Date()): Promise<AlertRulePreview> {
    assertCompiles(input.match);
    if (input.match.spike) return this.previewSpikeRule(input, input.match.spike, now);
    const test = compileMatch(input.match);
    const since = new Date(now.getTime() - PREVIEW_DAYS * 24 * 3600 * 1000).toISOString();
    const matchedAt: Date[] = [];
    const sample: AlertRulePreview['sample'] = [];
    let scanned = 0;
    let truncated = false;
    let after: (string | number)[] | undefined;
    for (;;) {
      const size = Math.min(PAGE_SIZE, PREVIEW_MAX_ITEMS - scanned);
      const page = await this.es.search<ScannedItem>({
        index: itemsIndex.alias,
        ignore_unavailable: true,
        allow_no_indices: true,
        size,
        _source: [...FIELDS],
        track_total_hits: false,
        query: { range: { publishedAt: { gte: since, lte: now.toISOString() } } },
        sort: [{ publishedAt: 'desc' }, { id: 'asc' }],
        ...(after ? { search_after: after } : {}),
      });
      const hits = page.hits.hits;
      for (const hit of hits) {
        const doc = hit._source;
        if (!doc) continue;
        const verdict = test(prepareStored(doc));
        if (!verdict.matched) continue;
        matchedAt.push(new Date(doc.publishedAt));
        if (sample.length < SAMPLE_SIZE) sample.push({ id: doc.id, text: doc.masked, publishedAt: doc.publishedAt, hits: verdict.reasons });
      }
      scanned += hits.length;
      if (hits.length < size) break;
      if (scanned >= PREVIEW_MAX_ITEMS) {
        truncated = true;
        break;
      }
      after = hits[hits.length - 1].sort as (string | number)[];
    }
    const alerts = countPreviewAlerts(matchedAt, input);
    return {
      days: PREVIEW_DAYS,
      matchedItems: matchedAt.length,
      alerts,
      alertsPer1000Items: alertsPerThousand(alerts, scanned),
      itemsScanned: scanned,
      truncated,
      sample,
    };
  }

  private async previewSpikeRule(input: ValidAlertRuleInput, condition: SpikeCondition, now: Date): Promise<AlertRulePreview> {
    const since = new Date(now.getTime() - PREVIEW_DAYS * 24 * 3600 * 1000).toISOString();
    const response = await this.es.search<Spike>({
      index: spikesIndex.alias,
      ignore_unavailable: true,
      allow_no_indices: true,
      size: PREVIEW_MAX_SPIKES,
      query: { range: { 'window.from': { gte: since, lte: now.toISOString() } } },
      sort: [{ 'window.from': 'desc' }],
      track_total_hits: PREVIEW_MAX_SPIKES + 1,
    });
    const spikes = response.hits.hits.map((hit) => hit._source!).filter(Boolean);
    const total = typeof response.hits.total === 'number' ? response.hits.total : (response.hits.total?.value ?? 0);
    return { days: PREVIEW_DAYS, truncated: total > spikes.length, ...previewSpikes(spikes, input, condition) };
  }
}

/** Spikes of a week are few (a handful a day): one search holds them all. */
const PREVIEW_MAX_SPIKES = 10_000;

/**
 * The backtest of a spike rule: the spikes of the last week it matches, counted into alerts per
 * series (as the recorder groups them: rule and series) by its repeat interval and quiet hours.
 * "Items" in the answer are spikes here.
 */
export function previewSpikes(spikes: readonly Spike[], input: ValidAlertRuleInput, condition: SpikeCondition): Omit<AlertRulePreview, 'days' | 'truncated'> {
  const test = compileSpikeCondition(condition);
  const bySeries = new Map<string, Date[]>();
  const sample: AlertRulePreview['sample'] = [];
  for (const spike of spikes) {
    const verdict = test(spike);
    if (!verdict.matched) continue;
    const key = `${spike.kind}:${spike.key}`;
    bySeries.set(key, [...(bySeries.get(key) ?? []), new Date(spike.window.from)]);
    if (sample.length < SAMPLE_SIZE) sample.push({ id: spike.id, text: `${spike.windowBeijing} ${spike.label}`, publishedAt: spike.window.from, hits: verdict.reasons });
  }
  const alerts = [...bySeries.values()].reduce((sum, times) => sum + countPreviewAlerts(times, input), 0);
  const matched = [...bySeries.values()].reduce((sum, times) => sum + times.length, 0);
  return { matchedItems: matched, alerts, alertsPer1000Items: alertsPerThousand(alerts, spikes.length), itemsScanned: spikes.length, sample };
}

/**
 * What the evaluator prepares from an enriched item, rebuilt from its stored document. The index
 * keeps the original text, not the enrichment's `normalized` form; `toMatchText` applies the same
 * normalisation the enricher does (simplified, half-width, lower case), so both match alike.
 */
function prepareStored(doc: ScannedItem): PreparedItem {
  return {
    item: {
      kind: doc.kind,
      author: doc.author,
      enrichment: {
        normalized: '',
        tokens: [],
        sentiment: doc.sentiment,
        rumor: doc.rumor,
        categories: doc.categoryReasons,
        pii: [],
        masked: doc.masked,
        fingerprint: '',
        modelVersion: '',
      },
    },
    text: toMatchText(doc.text),
  };
}
