import type { Shift } from '@liaowang/contract';
import {
  checkRoster,
  findGaps,
  findOverlaps,
  inShanghai,
  nextShiftAfter,
  onDutyFrom,
  rosterDays,
  shiftAt,
  weekOf,
} from './roster-logic';

const shift = (id: string, startsAt: string, endsAt: string, extra: Partial<Shift> = {}): Shift => ({
  id,
  startsAt,
  endsAt,
  dutyOfficer: 'duty',
  version: 1,
  ...extra,
});

// A day of three shifts on 2026-03-09 (a Monday), Beijing time, with a hole 16:00–18:00.
const day = [
  shift('night', '2026-03-09T00:00:00+08:00', '2026-03-09T08:00:00+08:00'),
  shift('day', '2026-03-09T08:00:00+08:00', '2026-03-09T16:00:00+08:00', { shiftLead: 'lead', leaderOnDuty: 'leader' }),
  shift('evening', '2026-03-09T18:00:00+08:00', '2026-03-10T00:00:00+08:00'),
];

describe('roster logic', () => {
  it('writes every time in Beijing time', () => {
    expect(inShanghai('2026-03-09T00:30:00Z')).toBe('2026-03-09T08:30:00+08:00');
  });

  it('starts the duty week on Monday 00:00 Beijing time, also late on Sunday UTC', () => {
    // Sunday 2026-03-08 20:00 UTC is already Monday 04:00 in Beijing.
    expect(weekOf(new Date('2026-03-08T20:00:00Z'))).toEqual({ startsAt: '2026-03-09T00:00:00+08:00', endsAt: '2026-03-16T00:00:00+08:00' });
    expect(weekOf(new Date('2026-03-15T15:59:59Z')).startsAt).toBe('2026-03-09T00:00:00+08:00');
  });

  describe(findGaps.name, () => {
    it('finds the hole between shifts and the uncovered ends of the range', () => {
      expect(findGaps(day, '2026-03-08T22:00:00+08:00', '2026-03-10T02:00:00+08:00')).toEqual([
        { startsAt: '2026-03-08T22:00:00+08:00', endsAt: '2026-03-09T00:00:00+08:00' },
        { startsAt: '2026-03-09T16:00:00+08:00', endsAt: '2026-03-09T18:00:00+08:00' },
        { startsAt: '2026-03-10T00:00:00+08:00', endsAt: '2026-03-10T02:00:00+08:00' },
      ]);
    });

    it('finds none where shifts cover the range, whatever their order, and the whole range when empty', () => {
      expect(findGaps([...day].reverse(), '2026-03-09T01:00:00+08:00', '2026-03-09T15:00:00+08:00')).toEqual([]);
      expect(findGaps([], '2026-03-09T00:00:00+08:00', '2026-03-09T01:00:00+08:00')).toEqual([
        { startsAt: '2026-03-09T00:00:00+08:00', endsAt: '2026-03-09T01:00:00+08:00' },
      ]);
    });

    it('lets a long shift cover a short one inside it without a false gap', () => {
      const nested = [shift('long', '2026-03-09T00:00:00+08:00', '2026-03-09T12:00:00+08:00'), shift('short', '2026-03-09T02:00:00+08:00', '2026-03-09T03:00:00+08:00')];
      expect(findGaps(nested, '2026-03-09T00:00:00+08:00', '2026-03-09T12:00:00+08:00')).toEqual([]);
    });
  });

  describe(findOverlaps.name, () => {
    it('flags two shifts sharing time with the shared period, and touching shifts not', () => {
      expect(findOverlaps(day)).toEqual([]);
      const clash = shift('clash', '2026-03-09T07:00:00+08:00', '2026-03-09T09:00:00+08:00');
      expect(findOverlaps([...day, clash])).toEqual([
        { shiftIds: ['night', 'clash'], startsAt: '2026-03-09T07:00:00+08:00', endsAt: '2026-03-09T08:00:00+08:00' },
        { shiftIds: ['clash', 'day'], startsAt: '2026-03-09T08:00:00+08:00', endsAt: '2026-03-09T09:00:00+08:00' },
      ]);
    });
  });

  describe(onDutyFrom.name, () => {
    it('names the three posts of the shift covering the time, the start included and the end not', () => {
      expect(onDutyFrom(day, new Date('2026-03-09T08:00:00+08:00'))).toEqual({
        shift: day[1],
        dutyOfficer: 'duty',
        shiftLead: 'lead',
        leaderOnDuty: 'leader',
      });
      expect(onDutyFrom(day, new Date('2026-03-09T15:59:59+08:00')).shift?.id).toBe('day');
    });

    it('names nobody in a gap', () => {
      expect(onDutyFrom(day, new Date('2026-03-09T16:00:00+08:00'))).toEqual({});
    });

    it('finds the next shift after a time', () => {
      expect(nextShiftAfter(day, new Date('2026-03-09T16:30:00+08:00'))?.id).toBe('evening');
      expect(nextShiftAfter(day, new Date('2026-03-09T19:00:00+08:00'))).toBeUndefined();
      expect(shiftAt(day, new Date('2026-03-09T19:00:00+08:00'))?.id).toBe('evening');
    });
  });

  describe(checkRoster.name, () => {
    const from = '2026-03-09T00:00:00+08:00';
    const to = '2026-03-10T00:00:00+08:00';

    it('accepts shifts that touch but do not overlap', () => {
      expect(checkRoster(from, to, day, [])).toBeUndefined();
    });

    it('refuses a shift that ends before it starts, or at its start, naming it', () => {
      const broken = [day[0], shift('x', '2026-03-09T12:00:00+08:00', '2026-03-09T11:00:00+08:00')];
      expect(checkRoster(from, to, broken, [])).toMatchObject({ field: 'shifts.1.endsAt', rule: 'ends-before-start' });
      expect(checkRoster(from, to, [shift('y', from, from)], [])).toMatchObject({ rule: 'ends-before-start' });
    });

    it('refuses a shift longer than two days', () => {
      expect(checkRoster(from, to, [shift('z', from, '2026-03-11T00:00:01+08:00')], [])).toMatchObject({ rule: 'too-long' });
    });

    it('refuses overlapping shifts, naming both', () => {
      const clash = [...day, shift('clash', '2026-03-09T15:00:00+08:00', '2026-03-09T17:00:00+08:00')];
      expect(checkRoster(from, to, clash, [])).toEqual({ field: 'shifts.3.startsAt', rule: 'overlap', message: 'shifts 1 and 3 overlap' });
    });

    it('refuses a shift that overlaps one kept outside the range', () => {
      const kept = [shift('before', '2026-03-08T20:00:00+08:00', '2026-03-09T02:00:00+08:00')];
      expect(checkRoster(from, to, day, kept)).toMatchObject({ field: 'shifts.0.startsAt', rule: 'overlap' });
    });

    it('refuses a range that ends before it starts', () => {
      expect(checkRoster(to, from, [], [])).toMatchObject({ field: 'to', rule: 'range' });
    });
  });

  describe(rosterDays.name, () => {
    it('marks public holidays and make-up workdays by the State Council arrangement', () => {
      // 2026: 春节 holidays from 15 February, 14 February (a Saturday) is a make-up workday.
      const days = rosterDays('2026-02-13T00:00:00+08:00', '2026-02-17T00:00:00+08:00');
      expect(days.map((d) => [d.date, d.kind])).toEqual([
        ['2026-02-13', 'workday'],
        ['2026-02-14', 'makeup_workday'],
        ['2026-02-15', 'holiday'],
        ['2026-02-16', 'holiday'],
      ]);
      expect(days[2].holidayName).toEqual({ zh: '春节', en: 'Spring Festival' });
    });

    it('tells an ordinary weekend from a holiday and counts days in Beijing time', () => {
      const days = rosterDays('2026-03-06T16:00:00Z', '2026-03-08T16:00:00Z');
      expect(days).toEqual([
        { date: '2026-03-07', kind: 'weekend' },
        { date: '2026-03-08', kind: 'weekend' },
      ]);
    });
  });
});
