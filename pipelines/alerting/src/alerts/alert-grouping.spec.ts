import { groupTrigger } from './alert-grouping';
import { moveAlert, AlertMoveRefused } from './alert-lifecycle';
import { aTrigger } from '../../test-support/alert.factories';

const now = new Date('2026-12-01T02:00:00Z');
const at = (minutes: number) => new Date(Date.parse('2026-12-01T01:00:00Z') + minutes * 60_000).toISOString();

describe(groupTrigger.name, () => {
  const first = groupTrigger(undefined, aTrigger({ matchedAt: at(0) }), 10, now);

  it('raises a new alert with the trigger offset as its cursor', () => {
    expect(first.outcome).toBe('new');
    if (first.outcome !== 'new') return;
    expect(first.alert).toMatchObject({ id: 'alert-10', cursor: 10, count: 1, state: 'new', severity: 'high', lastTriggerOffset: 10 });
  });

  it('counts a trigger of the same group within the repeat interval into the open alert', () => {
    if (first.outcome !== 'new') throw new Error('setup');
    const later = aTrigger({ matchedAt: at(29), reasons: ['停课', '紧急扩散'], item: { ...aTrigger().item, id: 'other-item' } });
    const grouped = groupTrigger(first.alert, later, 11, now);
    expect(grouped.outcome).toBe('grouped');
    if (grouped.outcome !== 'grouped') return;
    expect(grouped.alert).toMatchObject({ id: 'alert-10', cursor: 10, count: 2, lastAt: at(29), lastTriggerOffset: 11 });
    expect(grouped.alert.items.map((i) => i.id)).toEqual(['other-item', aTrigger().item.id]);
    expect(grouped.alert.reasons).toEqual(['停课', '网传', '紧急扩散']);
  });

  it('raises a new alert after the interval, or after the open one was dismissed', () => {
    if (first.outcome !== 'new') throw new Error('setup');
    expect(groupTrigger(first.alert, aTrigger({ matchedAt: at(30) }), 12, now).outcome).toBe('new');
    const dismissed = moveAlert(first.alert, 'dismiss', 'duty', now, 'false_positive');
    expect(groupTrigger(dismissed, aTrigger({ matchedAt: at(1) }), 12, now)).toMatchObject({ outcome: 'new', alert: { cursor: 12 } });
  });

  it('ignores a trigger it has already counted (read again after a restart)', () => {
    if (first.outcome !== 'new') throw new Error('setup');
    expect(groupTrigger(first.alert, aTrigger({ matchedAt: at(1) }), 10, now).outcome).toBe('duplicate');
  });
});

describe(moveAlert.name, () => {
  const alert = (() => {
    const raised = groupTrigger(undefined, aTrigger(), 1, now);
    if (raised.outcome !== 'new') throw new Error('setup');
    return raised.alert;
  })();

  it.each([
    ['ack', 'new', 'acknowledged'],
    ['dismiss', 'new', 'dismissed'],
    ['promote', 'new', 'promoted'],
    ['dismiss', 'acknowledged', 'dismissed'],
    ['promote', 'acknowledged', 'promoted'],
  ] as const)('%s from %s → %s, with a timeline entry', (move, from, to) => {
    const moved = moveAlert({ ...alert, state: from }, move, 'duty', now, 'note');
    expect(moved.state).toBe(to);
    expect(moved.timeline.at(-1)).toMatchObject({ by: 'duty', at: now.toISOString() });
  });

  it.each([
    ['ack', 'acknowledged'],
    ['ack', 'dismissed'],
    ['dismiss', 'promoted'],
    ['promote', 'dismissed'],
  ] as const)('refuses %s from %s', (move, from) => {
    expect(() => moveAlert({ ...alert, state: from }, move, 'duty', now)).toThrow(AlertMoveRefused);
  });
});
