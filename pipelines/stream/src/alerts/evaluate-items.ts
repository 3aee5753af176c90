import { prepareItem, type CompiledRule } from '@liaowang/alerting';
import { summarizeItem, type AlertRule, type AlertTrigger, type EnrichedItem } from '@liaowang/contract';

/**
 * The grouping key of a rule's alerts (STYLE habit 7): the rule, and the story when the item
 * carries one, so one rule raises one alert per story.
 */
export function groupKeyOf(rule: AlertRule, storyId?: string): string {
  return storyId ? `rule:${rule.id}:story:${storyId}` : `rule:${rule.id}`;
}

/**
 * Tests every item against every compiled rule (R-ALR-1): each item is prepared once, a rule in
 * its quiet hours at `now` (evaluation time, not publication time) is skipped, and each match
 * becomes one trigger carrying a snapshot of the rule version that fired it.
 */
export function evaluateItems(items: readonly EnrichedItem[], rules: readonly CompiledRule[], now: Date): AlertTrigger[] {
  const awake = rules.filter((compiled) => !compiled.quietAt(now));
  if (awake.length === 0) return [];
  const matchedAt = now.toISOString();
  const triggers: AlertTrigger[] = [];
  for (const item of items) {
    const prepared = prepareItem(item);
    let summary: ReturnType<typeof summarizeItem> | undefined;
    for (const { rule, test } of awake) {
      const verdict = test(prepared);
      if (!verdict.matched) continue;
      summary ??= summarizeItem(item);
      triggers.push({
        ruleId: rule.id,
        ruleVersion: rule.version,
        rule: { name: rule.name, severity: rule.severity, repeatMinutes: rule.repeatMinutes, match: rule.match },
        groupKey: groupKeyOf(rule, summary.storyId),
        item: summary,
        reasons: verdict.reasons,
        matchedAt,
      });
    }
  }
  return triggers;
}
