import type { RosterDay, RosterPeriod, RosterShift, RosterView, ShiftInput } from '@liaowang/contract';
import dayjs from 'dayjs';
import { DISPLAY_TIME_ZONE } from '../../time/format-time';

// The roster is planned in Beijing time: weeks, days and the editor's fields are all in it.

/** Monday 00:00 Beijing time of the week holding `at`, as ISO with +08:00. */
export function weekStart(at: number | string): string {
  const local = dayjs(at).tz(DISPLAY_TIME_ZONE);
  return local.subtract((local.day() + 6) % 7, 'day').startOf('day').format();
}

export function addDays(iso: string, days: number): string {
  return dayjs(iso).tz(DISPLAY_TIME_ZONE).add(days, 'day').format();
}

export interface DaySlot {
  kind: 'shift' | 'gap';
  startsAt: string;
  endsAt: string;
  shift?: RosterShift;
  /** The shift shares time with another one. */
  overlapping?: boolean;
}

const clip = (ms: number) => dayjs(ms).tz(DISPLAY_TIME_ZONE).format();
const overlaps = (a: RosterPeriod, from: number, to: number) => Date.parse(a.startsAt) < to && Date.parse(a.endsAt) > from;

/** What a day column shows: the shifts and gaps touching that Beijing-time day, in order. */
export function slotsOfDay(view: RosterView, day: RosterDay): DaySlot[] {
  const from = dayjs.tz(day.date, DISPLAY_TIME_ZONE).valueOf();
  const to = from + 86_400_000;
  const clashing = new Set(view.overlaps.flatMap((o) => o.shiftIds));
  const slots: DaySlot[] = [
    ...view.shifts.filter((s) => overlaps(s, from, to)).map((shift) => ({ kind: 'shift' as const, startsAt: shift.startsAt, endsAt: shift.endsAt, shift, overlapping: clashing.has(shift.id) })),
    // A gap of several days shows, in each day, the part of that day it takes.
    ...view.gaps
      .filter((g) => overlaps(g, from, to))
      .map((gap) => ({
        kind: 'gap' as const,
        startsAt: clip(Math.max(Date.parse(gap.startsAt), from)),
        endsAt: clip(Math.min(Date.parse(gap.endsAt), to)),
      })),
  ];
  return slots.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}

/** A shift as the editor holds it: Beijing wall-clock times as `<input type="datetime-local">` takes them. */
export interface ShiftDraft {
  key: string;
  id?: string;
  start: string;
  end: string;
  dutyOfficer: string;
  shiftLead: string;
  leaderOnDuty: string;
  note: string;
}

const LOCAL_FORMAT = 'YYYY-MM-DDTHH:mm';

export function toDraft(shift: RosterShift): ShiftDraft {
  return {
    key: shift.id,
    id: shift.id,
    start: dayjs(shift.startsAt).tz(DISPLAY_TIME_ZONE).format(LOCAL_FORMAT),
    end: dayjs(shift.endsAt).tz(DISPLAY_TIME_ZONE).format(LOCAL_FORMAT),
    dutyOfficer: shift.dutyOfficer,
    shiftLead: shift.shiftLead ?? '',
    leaderOnDuty: shift.leaderOnDuty ?? '',
    note: shift.note ?? '',
  };
}

/** A new draft that follows `after` (or starts the week at 08:00), lasting eight hours. */
export function nextDraft(after: ShiftDraft | undefined, weekFrom: string, key: string): ShiftDraft {
  const start = after ? dayjs.tz(after.end, DISPLAY_TIME_ZONE) : dayjs(weekFrom).tz(DISPLAY_TIME_ZONE).hour(8);
  return { key, start: start.format(LOCAL_FORMAT), end: start.add(8, 'hour').format(LOCAL_FORMAT), dutyOfficer: '', shiftLead: '', leaderOnDuty: '', note: '' };
}

/** The draft as the API takes it: Beijing wall-clock times as ISO with +08:00, empty posts left out. */
export function fromDraft(draft: ShiftDraft): ShiftInput {
  const iso = (local: string) => dayjs.tz(local, DISPLAY_TIME_ZONE).format();
  return {
    ...(draft.id ? { id: draft.id } : {}),
    startsAt: iso(draft.start),
    endsAt: iso(draft.end),
    dutyOfficer: draft.dutyOfficer.trim(),
    ...(draft.shiftLead.trim() ? { shiftLead: draft.shiftLead.trim() } : {}),
    ...(draft.leaderOnDuty.trim() ? { leaderOnDuty: draft.leaderOnDuty.trim() } : {}),
    ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
  };
}
