import { CASE_STATES, type Case, type CaseGrade, type CaseState } from '@liaowang/contract';
import { nearestClock } from './case-clock';

export interface BoardFilter {
  grade?: CaseGrade;
  owner?: string;
  /** Only cases whose nearest clock is at risk or breached. */
  atRisk?: boolean;
}

export function matchesBoardFilter(item: Case, filter: BoardFilter, now: number): boolean {
  if (filter.grade && item.grade !== filter.grade) return false;
  if (filter.owner && item.owner !== filter.owner) return false;
  if (filter.atRisk) {
    const clock = nearestClock(item, now);
    if (!clock || clock.status === 'ok') return false;
  }
  return true;
}

/**
 * Board columns in lifecycle order (接报 / 研判 / 处置 / 归档). Within a column the most urgent
 * clock comes first, then cases without a clock, newest first, so nothing due hides at the bottom.
 */
export function boardColumns(cases: Case[], filter: BoardFilter, now: number): Record<CaseState, Case[]> {
  const columns = Object.fromEntries(CASE_STATES.map((state) => [state, [] as Case[]])) as Record<CaseState, Case[]>;
  for (const item of cases) if (matchesBoardFilter(item, filter, now)) columns[item.state].push(item);
  const dueIn = (item: Case) => nearestClock(item, now)?.leftMs ?? Number.POSITIVE_INFINITY;
  for (const state of CASE_STATES) {
    columns[state].sort((a, b) => dueIn(a) - dueIn(b) || b.openedAt.localeCompare(a.openedAt));
  }
  return columns;
}

/** Owners seen on the board, for the owner filter. */
export function ownersOf(cases: Case[]): string[] {
  return [...new Set(cases.map((item) => item.owner).filter((owner): owner is string => Boolean(owner)))].sort();
}

/** Puts a case into the list unless the list already holds a newer version of it. */
export function mergeCase(cases: Case[], incoming: Case): Case[] {
  const at = cases.findIndex((item) => item.id === incoming.id);
  if (at < 0) return [incoming, ...cases];
  if (cases[at].version > incoming.version) return cases;
  return cases.map((item, index) => (index === at ? incoming : item));
}
