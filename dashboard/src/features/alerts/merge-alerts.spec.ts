import { alertsTopic, type Alert } from '@liaowang/contract';
import { ALERT_LIST_CAP, countUnhandled, lastCursor, mergeAlerts } from './merge-alerts';

const base = alertsTopic.example.alert;
const alert = (cursor: number, overrides: Partial<Alert> = {}): Alert => ({ ...base, id: `alert-${cursor}`, cursor, ...overrides });

describe(mergeAlerts.name, () => {
  it('keeps one entry per alert, newest cursor first', () => {
    const merged = mergeAlerts([alert(1), alert(3)], [alert(2), alert(3)]);
    expect(merged.map((a) => a.cursor)).toEqual([3, 2, 1]);
  });

  it('lets the newer version of an alert win, whichever arrives last', () => {
    const acked = alert(5, { state: 'acknowledged', updatedAt: '2026-12-01T02:00:00Z' });
    const stale = alert(5, { state: 'new', updatedAt: '2026-12-01T01:00:00Z' });
    expect(mergeAlerts([acked], [stale])[0].state).toBe('acknowledged');
    expect(mergeAlerts([stale], [acked])[0].state).toBe('acknowledged');
  });

  it('caps the list', () => {
    const many = Array.from({ length: ALERT_LIST_CAP + 10 }, (_, i) => alert(i));
    const merged = mergeAlerts([], many);
    expect(merged).toHaveLength(ALERT_LIST_CAP);
    expect(merged[0].cursor).toBe(ALERT_LIST_CAP + 9);
  });
});

describe(lastCursor.name, () => {
  it('is the highest cursor seen, never going back', () => {
    expect(lastCursor([alert(4), alert(9), alert(2)], null)).toBe(9);
    expect(lastCursor([alert(4)], 12)).toBe(12);
    expect(lastCursor([], null)).toBeNull();
  });
});

describe(countUnhandled.name, () => {
  it('counts alerts still new', () => {
    expect(countUnhandled([alert(1), alert(2, { state: 'acknowledged' }), alert(3, { state: 'dismissed' })])).toBe(1);
  });
});
