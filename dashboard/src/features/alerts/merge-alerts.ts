import type { Alert } from '@liaowang/contract';

/** Alerts kept in the browser: enough for a shift; older ones are a page away in the API. */
export const ALERT_LIST_CAP = 500;

/**
 * Merges fetched or pushed alerts into the list: one entry per id (the newer `updatedAt` wins,
 * so a late REST page cannot undo a live acknowledgement), newest cursor first, capped.
 */
export function mergeAlerts(current: readonly Alert[], incoming: readonly Alert[]): Alert[] {
  const byId = new Map(current.map((alert) => [alert.id, alert]));
  for (const alert of incoming) {
    const known = byId.get(alert.id);
    if (!known || Date.parse(alert.updatedAt) >= Date.parse(known.updatedAt)) byId.set(alert.id, alert);
  }
  return [...byId.values()].sort((a, b) => b.cursor - a.cursor).slice(0, ALERT_LIST_CAP);
}

/** The highest cursor seen: what `alerts:since` resumes after. */
export function lastCursor(alerts: readonly Alert[], previous: number | null): number | null {
  return alerts.reduce<number | null>((max, alert) => (max === null || alert.cursor > max ? alert.cursor : max), previous);
}

/** Alerts nobody has acknowledged yet: the count in the tab title and the header. */
export function countUnhandled(alerts: readonly Alert[]): number {
  return alerts.filter((alert) => alert.state === 'new').length;
}
