import type { ItemSummary } from '@liaowang/contract';

/** How many items the live list keeps in memory; older ones fall off the end. */
export const LIVE_LIST_CAP = 200;

function receivedMs(item: ItemSummary): number {
  const ms = Date.parse(item.receivedAt);
  return Number.isNaN(ms) ? 0 : ms;
}

// ISO strings with different offsets do not sort as text, so compare parsed times; the id
// breaks ties so the order is stable across merges.
function newestFirst(a: ItemSummary, b: ItemSummary): number {
  return receivedMs(b) - receivedMs(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * Merges items into a newest-first list without duplicates. A later copy of an id replaces
 * the earlier one (re-enrichment may change scores); the list is cut to `cap`.
 */
export function mergeItems(current: readonly ItemSummary[], incoming: readonly ItemSummary[], cap = LIVE_LIST_CAP): ItemSummary[] {
  if (incoming.length === 0) return current as ItemSummary[];
  const byId = new Map<string, ItemSummary>();
  for (const item of current) byId.set(item.id, item);
  for (const item of incoming) byId.set(item.id, item);
  return [...byId.values()].sort(newestFirst).slice(0, cap);
}

/**
 * Ids that count as "new" for highlighting: not listed before and received after the newest
 * item already listed. Backfill of older items (first load, reconnect catch-up) stays quiet.
 */
export function findFreshIds(before: readonly ItemSummary[], after: readonly ItemSummary[]): string[] {
  if (before.length === 0) return [];
  const known = new Set(before.map((item) => item.id));
  const newest = receivedMs(before[0]);
  return after.filter((item) => !known.has(item.id) && receivedMs(item) > newest).map((item) => item.id);
}
