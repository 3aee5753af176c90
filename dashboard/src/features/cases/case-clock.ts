import type { Case, CaseClock } from '@liaowang/contract';

export type ClockStatus = 'ok' | 'at_risk' | 'breached';

export interface RunningClock {
  clock: CaseClock;
  dueAt: string;
  /** Milliseconds left; negative once breached. */
  leftMs: number;
  status: ClockStatus;
}

// A clock is at risk in its last quarter, but never earlier than two hours before the deadline:
// a one-hour clock warns for its last 15 minutes, a five-day one for its last two hours.
const AT_RISK_CAP_MS = 2 * 60 * 60_000;
const AT_RISK_SHARE = 0.25;

export function clockStatus(leftMs: number, spanMs: number): ClockStatus {
  if (leftMs <= 0) return 'breached';
  return leftMs <= Math.min(AT_RISK_CAP_MS, Math.max(0, spanMs) * AT_RISK_SHARE) ? 'at_risk' : 'ok';
}

/**
 * The clocks still running on a case, nearest first. An archived case runs none; the first
 * release clock stops once a statement is released (the update clock takes over).
 */
export function runningClocks(item: Pick<Case, 'state' | 'clocks' | 'agreedLine' | 'openedAt'>, now: number): RunningClock[] {
  if (item.state === 'archive') return [];
  const opened = Date.parse(item.openedAt);
  const released = item.agreedLine ? Date.parse(item.agreedLine.releasedAt) : undefined;
  const due: { clock: CaseClock; dueAt?: string; from: number }[] = [
    { clock: 'first_release', dueAt: item.agreedLine ? undefined : item.clocks.firstReleaseDueAt, from: opened },
    { clock: 'update', dueAt: item.clocks.nextUpdateDueAt, from: released ?? opened },
    { clock: 'close', dueAt: item.clocks.closeDueAt, from: opened },
  ];
  return due
    .filter((entry): entry is { clock: CaseClock; dueAt: string; from: number } => Boolean(entry.dueAt))
    .map(({ clock, dueAt, from }) => {
      const at = Date.parse(dueAt);
      const leftMs = at - now;
      return { clock, dueAt, leftMs, status: clockStatus(leftMs, at - from) };
    })
    .sort((a, b) => a.leftMs - b.leftMs);
}

export function nearestClock(item: Pick<Case, 'state' | 'clocks' | 'agreedLine' | 'openedAt'>, now: number): RunningClock | undefined {
  return runningClocks(item, now)[0];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2天 03:04:05` / `03:04:05` for the time left (or past due), without the sign; `dayUnit` is 天 or d. */
export function countdownText(ms: number, dayUnit: string): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86_400);
  const clock = `${pad(Math.floor((total % 86_400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
  return days > 0 ? `${days}${dayUnit} ${clock}` : clock;
}
