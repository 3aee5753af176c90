import type { CompiledRule } from '@liaowang/alerting';
import type { AlertTrigger, Spike } from '@liaowang/contract';

/** One alert per spike rule and series: a story that keeps spiking is counted into its open alert. */
export function spikeGroupKeyOf(ruleId: string, spike: Pick<Spike, 'kind' | 'key'>): string {
  return `rule:${ruleId}:spike:${spike.kind}:${spike.key}`;
}

/**
 * Tests every spike event against the spike rules (quiet hours at `now`, as for items). The
 * trigger carries the window's newest item, so the alert opens on a post like any other, and
 * the spike's figures and Beijing window as its reasons.
 */
export function evaluateSpikes(spikes: readonly Spike[], rules: readonly CompiledRule[], now: Date): AlertTrigger[] {
  const awake = rules.filter((compiled) => compiled.rule.match.spike && !compiled.quietAt(now));
  const triggers: AlertTrigger[] = [];
  for (const spike of spikes) {
    const item = spike.topItems[0];
    if (!item) continue; // a spike has at least its minimum volume of items; none means no window to show
    for (const { rule, testSpike } of awake) {
      const verdict = testSpike(spike);
      if (!verdict.matched) continue;
      triggers.push({
        ruleId: rule.id,
        ruleVersion: rule.version,
        rule: { name: rule.name, severity: rule.severity, repeatMinutes: rule.repeatMinutes, match: rule.match },
        groupKey: spikeGroupKeyOf(rule.id, spike),
        item,
        reasons: [...verdict.reasons, `window:${spike.windowBeijing}`, `${spike.kind}:${spike.label}`],
        matchedAt: now.toISOString(),
      });
    }
  }
  return triggers;
}
