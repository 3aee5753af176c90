import type { Case, CaseClock, CaseClockBreach, CaseClocks, ClockSpan, GradeClock } from '@liaowang/contract';
import { isWorkday } from 'chinese-days';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

// R-CASE-2, R-CASE-4: deadlines from the grade's row of the clock policy. Working days are
// counted in Beijing time with chinese-days (public holidays and make-up workdays).
export const CASE_TIME_ZONE = 'Asia/Shanghai';

/**
 * The deadline `span` after `start`. Hours are elapsed time; N working days end at midnight
 * (Beijing) after the Nth working day following the day of `start` (the day itself not counted).
 */
export function addSpan(start: Date, span: ClockSpan): Date {
  if ('hours' in span) return new Date(start.getTime() + span.hours * 3_600_000);
  let day = dayjs(start).tz(CASE_TIME_ZONE).startOf('day');
  let counted = 0;
  while (counted < span.workingDays) {
    day = day.add(1, 'day');
    if (isWorkday(day.format('YYYY-MM-DD'))) counted += 1;
  }
  return day.add(1, 'day').toDate();
}

/** The clocks of a case from its policy snapshot: receipt starts the first release and close; a release starts the next update. */
export function computeClocks(
  kase: Pick<Case, 'openedAt' | 'agreedLine' | 'clocks'>,
  policy: GradeClock & { version: number },
): CaseClocks {
  const opened = new Date(kase.openedAt);
  const released = kase.agreedLine?.releasedAt;
  return {
    firstReleaseDueAt: addSpan(opened, policy.firstRelease).toISOString(),
    ...(released ? { nextUpdateDueAt: addSpan(new Date(released), policy.updateInterval).toISOString() } : {}),
    closeDueAt: addSpan(opened, policy.close).toISOString(),
    breaches: kase.clocks?.breaches ?? [],
    ...(kase.clocks?.noticeClaim ? { noticeClaim: kase.clocks.noticeClaim } : {}),
    policy,
  };
}

/**
 * Recomputes the clocks after a change (e.g. a release moved the agreed line): the statement
 * routes call this so the next-update clock restarts from the latest release.
 */
export function refreshClocks(kase: Case): Case {
  return kase.clocks.policy ? { ...kase, clocks: computeClocks(kase, kase.clocks.policy) } : kase;
}

/** The deadlines missed by `now` and not yet recorded (each deadline breaches once). */
export function dueBreaches(kase: Case, now: Date): Array<{ clock: CaseClock; dueAt: string }> {
  if (kase.state === 'archive') return [];
  const missed: Array<{ clock: CaseClock; dueAt: string }> = [];
  const passed = (dueAt: string | undefined): dueAt is string =>
    dueAt !== undefined && Date.parse(dueAt) <= now.getTime();
  const { firstReleaseDueAt, nextUpdateDueAt, closeDueAt } = kase.clocks;
  if (passed(firstReleaseDueAt) && !kase.agreedLine) missed.push({ clock: 'first_release', dueAt: firstReleaseDueAt });
  if (passed(nextUpdateDueAt)) missed.push({ clock: 'update', dueAt: nextUpdateDueAt });
  if (passed(closeDueAt)) missed.push({ clock: 'close', dueAt: closeDueAt });
  return missed.filter((m) => !kase.clocks.breaches.some((b) => b.clock === m.clock && b.dueAt === m.dueAt));
}

/** Records the breaches with their timeline entries (one write; the version is bumped where it is written). */
export function recordBreaches(kase: Case, breaches: Array<{ clock: CaseClock; dueAt: string }>, now: Date): Case {
  const at = now.toISOString();
  return {
    ...kase,
    clocks: { ...kase.clocks, breaches: [...kase.clocks.breaches, ...breaches.map((b) => ({ ...b, at }))] },
    timeline: [
      ...kase.timeline,
      ...breaches.map((b) => ({
        at,
        by: 'system',
        type: 'clock_breached' as const,
        detail: `${b.clock} due ${b.dueAt}`,
      })),
    ],
    updatedAt: at,
  };
}

/** The breaches whose outbound notice has not been noted yet. */
export function unnotifiedBreaches(kase: Pick<Case, 'clocks'>): CaseClockBreach[] {
  return kase.clocks.breaches.filter((b) => !b.notifiedAt);
}

/** Whether an instance that claimed the notices of a case has had longer than `leaseMs` (it stopped on the way). */
export function noticeClaimExpired(kase: Pick<Case, 'clocks'>, now: Date, leaseMs: number): boolean {
  const claim = kase.clocks.noticeClaim;
  return claim !== undefined && Date.parse(claim.at) + leaseMs <= now.getTime() && unnotifiedBreaches(kase).length > 0;
}

/** The notices noted: the breaches sent get `notifiedAt`; the claim goes if it is still `by`'s (a taker-over keeps its own). */
export function markNotified(
  kase: Case,
  sent: ReadonlyArray<{ clock: CaseClock; dueAt: string }>,
  by: string,
  at: string,
): Case {
  const isSent = (b: CaseClockBreach) => sent.some((s) => s.clock === b.clock && s.dueAt === b.dueAt);
  const breaches = kase.clocks.breaches.map((b) => (isSent(b) && !b.notifiedAt ? { ...b, notifiedAt: at } : b));
  const { noticeClaim, ...clocks } = kase.clocks;
  const keep = noticeClaim && noticeClaim.by !== by ? { noticeClaim } : {};
  return { ...kase, clocks: { ...clocks, ...keep, breaches } };
}
