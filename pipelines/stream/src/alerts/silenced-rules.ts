import { SILENCES_INDEX_NAME, type Silence } from '@liaowang/contract';
import type { ElasticsearchClient } from '@liaowang/platform';
import type { RuleSource } from './rule-book';

/** Rule ids muted at `now`: silences not lifted whose end lies ahead. */
export function mutedRuleIds(silences: readonly Silence[], now: Date): Set<string> {
  return new Set(silences.filter((s) => !s.liftedAt && Date.parse(s.until) > now.getTime()).map((s) => s.ruleId));
}

/**
 * The rule source without the rules silenced now (R-ALR-3). A silence that starts or ends
 * changes the id@version set the rule book sees, so it recompiles at its next poll: a silence
 * takes effect, and ends, within ALERT_RULES_RELOAD_SECONDS.
 */
export function withoutSilencedRules(source: RuleSource, es: ElasticsearchClient): RuleSource {
  return async () => {
    const now = new Date();
    const [docs, silences] = await Promise.all([
      source(),
      es.search<Silence>({
        index: SILENCES_INDEX_NAME,
        ignore_unavailable: true,
        size: 10_000,
        query: { bool: { filter: [{ range: { until: { gt: now.toISOString() } } }], must_not: [{ exists: { field: 'liftedAt' } }] } },
      }),
    ]);
    const muted = mutedRuleIds(silences.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : [])), now);
    return docs.filter((doc) => !muted.has(String((doc as { id?: unknown } | null)?.id)));
  };
}
