import type { RosterShift, RosterView } from '@liaowang/contract';
import { addDays, fromDraft, nextDraft, slotsOfDay, toDraft, weekStart } from './roster-week';

const shift = (id: string, startsAt: string, endsAt: string): RosterShift => ({
  id,
  startsAt,
  endsAt,
  dutyOfficer: 'duty',
  version: 1,
  people: { dutyOfficer: { username: 'duty', displayName: '值班员 张伟' } },
});

describe('roster week', () => {
  it('starts weeks on Monday 00:00 Beijing time, whatever the browser zone', () => {
    expect(weekStart('2026-03-08T20:00:00Z')).toBe('2026-03-09T00:00:00+08:00');
    expect(addDays('2026-03-09T00:00:00+08:00', 7)).toBe('2026-03-16T00:00:00+08:00');
  });

  it('puts a night shift in both days it touches, with the gaps of each day in order', () => {
    const view: RosterView = {
      from: '2026-03-09T00:00:00+08:00',
      to: '2026-03-11T00:00:00+08:00',
      version: 3,
      shifts: [shift('night', '2026-03-09T20:00:00+08:00', '2026-03-10T08:00:00+08:00')],
      gaps: [
        { startsAt: '2026-03-09T00:00:00+08:00', endsAt: '2026-03-09T20:00:00+08:00' },
        { startsAt: '2026-03-10T08:00:00+08:00', endsAt: '2026-03-11T00:00:00+08:00' },
      ],
      overlaps: [],
      days: [],
    };
    expect(slotsOfDay(view, { date: '2026-03-09', kind: 'workday' }).map((s) => s.kind)).toEqual(['gap', 'shift']);
    expect(slotsOfDay(view, { date: '2026-03-10', kind: 'workday' }).map((s) => s.kind)).toEqual(['shift', 'gap']);
    // A gap running past midnight shows only its part of each day.
    const longGap = { ...view, shifts: [], gaps: [{ startsAt: '2026-03-09T18:00:00+08:00', endsAt: '2026-03-11T06:00:00+08:00' }] };
    expect(slotsOfDay(longGap, { date: '2026-03-10', kind: 'workday' })).toEqual([
      { kind: 'gap', startsAt: '2026-03-10T00:00:00+08:00', endsAt: '2026-03-11T00:00:00+08:00' },
    ]);
  });

  it('edits in Beijing wall-clock time and sends +08:00', () => {
    const draft = toDraft(shift('day', '2026-03-09T00:00:00Z', '2026-03-09T08:00:00Z'));
    expect([draft.start, draft.end]).toEqual(['2026-03-09T08:00', '2026-03-09T16:00']);
    expect(fromDraft({ ...draft, shiftLead: ' leader ', note: '' })).toEqual({
      id: 'day',
      startsAt: '2026-03-09T08:00:00+08:00',
      endsAt: '2026-03-09T16:00:00+08:00',
      dutyOfficer: 'duty',
      shiftLead: 'leader',
    });
    expect(nextDraft(draft, '2026-03-09T00:00:00+08:00', 'k')).toMatchObject({ start: '2026-03-09T16:00', end: '2026-03-10T00:00' });
    expect(nextDraft(undefined, '2026-03-09T00:00:00+08:00', 'k')).toMatchObject({ start: '2026-03-09T08:00' });
  });
});
