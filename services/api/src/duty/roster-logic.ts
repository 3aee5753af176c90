import type { OnDuty, RosterDay, RosterOverlap, RosterPeriod, Shift } from '@liaowang/contract';
import { getDayDetail } from 'chinese-days';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

// Shifts are planned in Beijing time (R-ALR-4), whatever the server's clock zone is.
export const ROSTER_TIME_ZONE = 'Asia/Shanghai';
// A longer shift is a typing mistake, not a watch anyone can keep.
export const MAX_SHIFT_HOURS = 48;

type Timed = Pick<Shift, 'startsAt' | 'endsAt'>;

const ms = (iso: string) => Date.parse(iso);

/** `2026-03-09T08:00:00+08:00`: the form every roster time is stored and answered in. */
export function inShanghai(iso: string | Date): string {
  return dayjs(iso).tz(ROSTER_TIME_ZONE).format('YYYY-MM-DDTHH:mm:ssZ');
}

/** Monday 00:00 Beijing time of the week holding `at`, and seven days on. */
export function weekOf(at: Date): RosterPeriod {
  const local = dayjs(at).tz(ROSTER_TIME_ZONE);
  // dayjs weeks start on Sunday; the duty week starts on Monday.
  const monday = local.subtract((local.day() + 6) % 7, 'day').startOf('day');
  return { startsAt: inShanghai(monday.toDate()), endsAt: inShanghai(monday.add(7, 'day').toDate()) };
}

const byStart = <T extends Timed>(a: T, b: T) => ms(a.startsAt) - ms(b.startsAt) || ms(a.endsAt) - ms(b.endsAt);

/** Whether two half-open periods [startsAt, endsAt) share any instant. */
export function overlapping(a: Timed, b: Timed): boolean {
  return ms(a.startsAt) < ms(b.endsAt) && ms(b.startsAt) < ms(a.endsAt);
}

/** The periods of [from, to) that no shift covers, in order. */
export function findGaps(shifts: readonly Timed[], from: string, to: string): RosterPeriod[] {
  const gaps: RosterPeriod[] = [];
  let covered = ms(from);
  const end = ms(to);
  for (const shift of [...shifts].sort(byStart)) {
    if (covered >= end) break;
    const start = ms(shift.startsAt);
    if (start > covered) gaps.push({ startsAt: inShanghai(new Date(covered)), endsAt: inShanghai(new Date(Math.min(start, end))) });
    covered = Math.max(covered, ms(shift.endsAt));
  }
  if (covered < end) gaps.push({ startsAt: inShanghai(new Date(covered)), endsAt: inShanghai(new Date(end)) });
  return gaps;
}

/** Every pair of shifts that cover the same time, with the time they share. */
export function findOverlaps(shifts: readonly Shift[]): RosterOverlap[] {
  const sorted = [...shifts].sort(byStart);
  const overlaps: RosterOverlap[] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && ms(sorted[j].startsAt) < ms(sorted[i].endsAt); j++) {
      const a = sorted[i];
      const b = sorted[j];
      overlaps.push({
        shiftIds: [a.id, b.id],
        startsAt: inShanghai(new Date(Math.max(ms(a.startsAt), ms(b.startsAt)))),
        endsAt: inShanghai(new Date(Math.min(ms(a.endsAt), ms(b.endsAt)))),
      });
    }
  }
  return overlaps;
}

/** The shift covering `at` (the later-started one if two overlap), or undefined in a gap. */
export function shiftAt<T extends Timed>(shifts: readonly T[], at: Date): T | undefined {
  const t = at.getTime();
  return [...shifts].sort(byStart).reverse().find((s) => ms(s.startsAt) <= t && t < ms(s.endsAt));
}

/** The first shift that starts after `at`. */
export function nextShiftAfter<T extends Timed>(shifts: readonly T[], at: Date): T | undefined {
  return [...shifts].sort(byStart).find((s) => ms(s.startsAt) > at.getTime());
}

/** Who holds each post at `at`; usernames, nothing in a gap. */
export function onDutyFrom(shifts: readonly Shift[], at: Date): OnDuty {
  const shift = shiftAt(shifts, at);
  if (!shift) return {};
  return {
    shift,
    dutyOfficer: shift.dutyOfficer,
    ...(shift.shiftLead ? { shiftLead: shift.shiftLead } : {}),
    ...(shift.leaderOnDuty ? { leaderOnDuty: shift.leaderOnDuty } : {}),
  };
}

/** A broken roster rule, named by the field it concerns (answered as 422). */
export interface RosterRuleBreach {
  field: string;
  rule: 'ends-before-start' | 'too-long' | 'overlap' | 'range';
  message: string;
}

/**
 * The rules a replacement of [from, to) must keep: each shift ends after it starts and lasts at
 * most MAX_SHIFT_HOURS, and no two shifts overlap, neither among the new ones nor with the shifts
 * kept outside the range.
 */
export function checkRoster(from: string, to: string, shifts: readonly Shift[], kept: readonly Shift[]): RosterRuleBreach | undefined {
  if (ms(to) <= ms(from)) return { field: 'to', rule: 'range', message: 'to must be after from' };
  for (const [i, shift] of shifts.entries()) {
    const hours = (ms(shift.endsAt) - ms(shift.startsAt)) / 3_600_000;
    if (hours <= 0) return { field: `shifts.${i}.endsAt`, rule: 'ends-before-start', message: 'a shift must end after it starts' };
    if (hours > MAX_SHIFT_HOURS) return { field: `shifts.${i}.endsAt`, rule: 'too-long', message: `a shift lasts at most ${MAX_SHIFT_HOURS} hours` };
  }
  for (const [i, shift] of shifts.entries()) {
    const other = shifts.findIndex((s, j) => j !== i && overlapping(s, shift));
    if (other >= 0) {
      return { field: `shifts.${Math.max(i, other)}.startsAt`, rule: 'overlap', message: `shifts ${Math.min(i, other)} and ${Math.max(i, other)} overlap` };
    }
    const outside = kept.find((s) => overlapping(s, shift));
    if (outside) {
      return {
        field: `shifts.${i}.startsAt`,
        rule: 'overlap',
        message: `shift ${i} overlaps shift ${outside.id} (${outside.startsAt} – ${outside.endsAt}) outside the range`,
      };
    }
  }
  return undefined;
}

/** Each calendar day (Beijing time) touched by [from, to), with its holiday arrangement. */
export function rosterDays(from: string, to: string): RosterDay[] {
  const days: RosterDay[] = [];
  const end = dayjs(to).tz(ROSTER_TIME_ZONE);
  for (let day = dayjs(from).tz(ROSTER_TIME_ZONE).startOf('day'); day.isBefore(end); day = day.add(1, 'day')) {
    days.push(dayKind(day.format('YYYY-MM-DD'), day.day()));
  }
  return days;
}

function dayKind(date: string, weekday: number): RosterDay {
  const detail = getDayDetail(date);
  // The package names a festival day "English,中文,n" and any other day by its weekday.
  const [en, zh] = detail.name.split(',');
  const festival = zh !== undefined ? { holidayName: { zh, en } } : {};
  const weekend = weekday === 0 || weekday === 6;
  if (detail.work) return weekend ? { date, kind: 'makeup_workday', ...festival } : { date, kind: 'workday' };
  return zh !== undefined ? { date, kind: 'holiday', ...festival } : { date, kind: weekend ? 'weekend' : 'holiday' };
}
