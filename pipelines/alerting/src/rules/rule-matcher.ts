import type { AlertRule, AlertRuleMatch, EnrichedItem } from '@liaowang/contract';
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
    quietAt: (when) => (rule.quietHours ? inQuietHours(rule.quietHours, when) : false),
  };
}

export function compileMatch(match: AlertRuleMatch): (prepared: PreparedItem) => RuleVerdict {
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
