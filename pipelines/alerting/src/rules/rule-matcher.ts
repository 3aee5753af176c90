import type { AlertRule, AlertRuleMatch, EnrichedItem, Spike, SpikeCondition } from '@liaowang/contract';
import { compileKeywordQuery, normalizedMatchText, toMatchText, type KeywordMatcher, type MatchText } from '../keyword-query/keyword-matcher';
import { inQuietHours } from './quiet-hours';

/** What one compiled rule says of one item: no match, or the reasons it matched. */
export type RuleVerdict = { matched: false } | { matched: true; reasons: string[] };

/** An item prepared once for every rule: its text in match form. */
export interface PreparedItem {
  item: Pick<EnrichedItem, 'kind' | 'author' | 'enrichment'>;
  text: MatchText;
}

export function prepareItem(item: PreparedItem['item']): PreparedItem {
  return { item, text: normalizedMatchText(item.enrichment.normalized) };
}

export interface CompiledRule {
  rule: AlertRule;
  /** Conditions only; quiet hours are the caller's (evaluation time, not item time). */
  test(prepared: PreparedItem): RuleVerdict;
  /** The same for a spike event: only spike rules match spikes. */
  testSpike(spike: Spike): RuleVerdict;
  /** Whether the rule is silent at this moment. */
  quietAt(when: Date): boolean;
}

/**
 * Compiles a rule's conditions into one in-process predicate (R-ALR-1): every condition the rule
 * gives must hold. Throws KeywordQueryError for a query that does not parse.
 */
export function compileRule(rule: AlertRule): CompiledRule {
  const test = compileMatch(rule.match);
  return {
    rule,
    test,
    testSpike: rule.match.spike ? compileSpikeCondition(rule.match.spike) : () => ({ matched: false }),
    quietAt: (when) => (rule.quietHours ? inQuietHours(rule.quietHours, when) : false),
  };
}

const NO_MATCH: RuleVerdict = { matched: false };

/** A spike rule's condition as a predicate over spike events; every condition given must hold. */
export function compileSpikeCondition(condition: SpikeCondition): (spike: Spike) => RuleVerdict {
  const keys = condition.keys ? new Set(condition.keys) : undefined;
  return (spike) => {
    if (condition.kinds && !condition.kinds.includes(spike.kind)) return NO_MATCH;
    if (condition.zAtLeast !== undefined && spike.z < condition.zAtLeast) return NO_MATCH;
    if (condition.countAtLeast !== undefined && spike.count < condition.countAtLeast) return NO_MATCH;
    if (keys && !keys.has(spike.key)) return NO_MATCH;
    return { matched: true, reasons: [`spike:${spike.kind}`, `z:${spike.z.toFixed(1)}`, `count:${spike.count}`, `baseline:${spike.baseline}`] };
  };
}

export function compileMatch(match: AlertRuleMatch): (prepared: PreparedItem) => RuleVerdict {
  // A spike rule judges spike events only; with no item condition it would otherwise match every item.
  if (match.spike) return () => NO_MATCH;
  const keywords: KeywordMatcher | undefined = match.keywords ? compileKeywordQuery(match.keywords) : undefined;
  const watched = match.watchedNames?.map((name) => ({ name, text: toMatchText(name).value }));
  return ({ item, text }) => {
    const reasons: string[] = [];
    if (match.kinds) {
      if (!match.kinds.includes(item.kind)) return { matched: false };
      reasons.push(`kind:${item.kind}`);
    }
    if (match.rumorRiskAtLeast !== undefined) {
      if (item.enrichment.rumor.score < match.rumorRiskAtLeast) return { matched: false };
      reasons.push(`rumor:${item.enrichment.rumor.score.toFixed(2)}`);
    }
    if (match.negativeAtLeast !== undefined) {
      const { label, score } = item.enrichment.sentiment;
      if (label !== 'negative' || score < match.negativeAtLeast) return { matched: false };
      reasons.push(`negative:${score.toFixed(2)}`);
    }
    if (match.categories) {
      const found = item.enrichment.categories.filter((c) => match.categories!.includes(c.id)).map((c) => c.id);
      if (found.length === 0) return { matched: false };
      reasons.push(...found.map((id) => `category:${id}`));
    }
    if (watched) {
      const author = [item.author.name, item.author.id];
      const named = watched.filter((w) => author.includes(w.name) || text.value.includes(w.text)).map((w) => w.name);
      if (named.length === 0) return { matched: false };
      reasons.push(...named.map((name) => `watched:${name}`));
    }
    if (keywords) {
      const result = keywords(text);
      if (!result.matched) return { matched: false };
      reasons.push(...result.hits);
    }
    return { matched: true, reasons };
  };
}
