import { ALERT_ITEMS_KEPT, type Alert, type AlertTrigger } from '@liaowang/contract';

/** What the recorder does with a trigger, given the newest alert of its group. */
export type GroupingOutcome =
  | { outcome: 'new'; alert: Alert }
  | { outcome: 'grouped'; alert: Alert }
  /** Already counted (a trigger read again after a restart): nothing to write. */
  | { outcome: 'duplicate' };

/**
 * R-ALR-3: a trigger joins the newest alert of its group while that alert is still open to
 * grouping (within the rule's repeat interval of its last match, and not dismissed or promoted);
 * otherwise it raises a new alert whose cursor is the trigger's offset on the one-partition
 * triggers topic, so cursors grow in the order alerts were raised, across restarts.
 */
export function groupTrigger(latest: Alert | undefined, trigger: AlertTrigger, offset: number, now: Date): GroupingOutcome {
  if (latest && offset <= latest.lastTriggerOffset) return { outcome: 'duplicate' };
  const at = now.toISOString();
  if (latest && joinsGroup(latest, trigger)) {
    return {
      outcome: 'grouped',
      alert: {
        ...latest,
        count: latest.count + 1,
        lastAt: trigger.matchedAt,
        reasons: [...new Set([...latest.reasons, ...trigger.reasons])],
        items: [trigger.item, ...latest.items.filter((item) => item.id !== trigger.item.id)].slice(0, ALERT_ITEMS_KEPT),
        updatedAt: at,
        lastTriggerOffset: offset,
      },
    };
  }
  return {
    outcome: 'new',
    alert: {
      id: `alert-${offset}`,
      cursor: offset,
      groupKey: trigger.groupKey,
      ruleId: trigger.ruleId,
      ruleVersion: trigger.ruleVersion,
      rule: trigger.rule,
      severity: trigger.rule.severity,
      state: 'new',
      count: 1,
      firstAt: trigger.matchedAt,
      lastAt: trigger.matchedAt,
      reasons: trigger.reasons,
      items: [trigger.item],
      timeline: [{ at, type: 'raised', detail: trigger.reasons.join(', ') }],
      updatedAt: at,
      lastTriggerOffset: offset,
    },
  };
}

function joinsGroup(latest: Alert, trigger: AlertTrigger): boolean {
  if (latest.state === 'dismissed' || latest.state === 'promoted') return false;
  const windowMs = trigger.rule.repeatMinutes * 60_000;
  return Date.parse(trigger.matchedAt) - Date.parse(latest.lastAt) < windowMs;
}
