import type { Case } from '@liaowang/contract';
import { clockStatus, countdownText, nearestClock, runningClocks } from './case-clock';

const HOUR = 60 * 60_000;
const opened = Date.parse('2026-02-10T08:00:00+08:00');
const iso = (ms: number) => new Date(ms).toISOString();

function aCase(over: Partial<Case> = {}): Pick<Case, 'state' | 'clocks' | 'agreedLine' | 'openedAt'> {
  return {
    state: 'response',
    openedAt: iso(opened),
    clocks: { firstReleaseDueAt: iso(opened + 5 * HOUR), closeDueAt: iso(opened + 5 * 24 * HOUR), breaches: [] },
    ...over,
  };
}

describe('clockStatus', () => {
  it('is breached at and after the deadline', () => {
    expect(clockStatus(0, HOUR)).toBe('breached');
    expect(clockStatus(-1, HOUR)).toBe('breached');
  });
  it('warns in the last quarter of a short clock', () => {
    expect(clockStatus(16 * 60_000, HOUR)).toBe('ok');
    expect(clockStatus(15 * 60_000, HOUR)).toBe('at_risk');
  });
  it('warns no earlier than two hours before a long clock', () => {
    expect(clockStatus(2 * HOUR + 1, 120 * HOUR)).toBe('ok');
    expect(clockStatus(2 * HOUR, 120 * HOUR)).toBe('at_risk');
  });
});

describe('runningClocks', () => {
  it('lists graded clocks nearest first with their state', () => {
    const clocks = runningClocks(aCase(), opened + 4.5 * HOUR);
    expect(clocks.map((c) => [c.clock, c.status])).toEqual([
      ['first_release', 'at_risk'],
      ['close', 'ok'],
    ]);
    expect(clocks[0].leftMs).toBe(0.5 * HOUR);
  });
  it('marks a missed first release as breached', () => {
    expect(nearestClock(aCase(), opened + 6 * HOUR)).toMatchObject({ clock: 'first_release', status: 'breached', leftMs: -HOUR });
  });
  it('stops the first release clock once a statement is released, and runs the update clock from the release', () => {
    const released = opened + 3 * HOUR;
    const item = aCase({
      agreedLine: { statementId: 's1', text: '口径', releasedAt: iso(released) },
      clocks: { firstReleaseDueAt: iso(opened + 5 * HOUR), nextUpdateDueAt: iso(released + 12 * HOUR), closeDueAt: iso(opened + 120 * HOUR), breaches: [] },
    });
    const clocks = runningClocks(item, released + 11 * HOUR);
    expect(clocks.map((c) => c.clock)).toEqual(['update', 'close']);
    expect(clocks[0].status).toBe('at_risk');
  });
  it('runs nothing on an ungraded or archived case', () => {
    expect(runningClocks(aCase({ clocks: { breaches: [] } }), opened)).toEqual([]);
    expect(runningClocks(aCase({ state: 'archive' }), opened)).toEqual([]);
  });
});

describe('countdownText', () => {
  it('shows hours, minutes and seconds, with days when there are any', () => {
    expect(countdownText(3 * HOUR + 4 * 60_000 + 5_000, '天')).toBe('03:04:05');
    expect(countdownText(2 * 24 * HOUR + 3 * HOUR, '天')).toBe('2天 03:00:00');
    expect(countdownText(-(90_000), 'd')).toBe('00:01:30');
  });
});
