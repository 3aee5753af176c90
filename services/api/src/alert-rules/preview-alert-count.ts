import { inQuietHours } from '@liaowang/alerting';
import type { ValidAlertRuleInput } from '@liaowang/contract';

/**
 * How many alerts a rule would have raised from its matches (R-ALR-1 backtest): a match in the
 * rule's quiet hours raises nothing; a match within `repeatMinutes` of the previous counted match
 * joins that alert (as the recorder's grouping does, story grouping aside), otherwise it raises a
 * new one. Times are the items' publication times: the evaluator judges at arrival, which for a
 * past week is the closest we know.
 */
export function countPreviewAlerts(matchedAt: readonly Date[], rule: Pick<ValidAlertRuleInput, 'repeatMinutes' | 'quietHours'>): number {
  const windowMs = rule.repeatMinutes * 60_000;
  const times = matchedAt.map((at) => at.getTime()).sort((a, b) => a - b);
  let alerts = 0;
  let lastCounted: number | undefined;
  for (const at of times) {
    if (rule.quietHours && inQuietHours(rule.quietHours, new Date(at))) continue;
    if (lastCounted === undefined || at - lastCounted >= windowMs) alerts += 1;
    lastCounted = at;
  }
  return alerts;
}

/** Alerts per 1,000 items seen, to one decimal (0 when nothing was seen). */
export function alertsPerThousand(alerts: number, itemsScanned: number): number {
  return itemsScanned === 0 ? 0 : Math.round((alerts * 10_000) / itemsScanned) / 10;
}
