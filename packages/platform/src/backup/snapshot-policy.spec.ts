import type { SnapshotSummary } from '@liaowang/contract';
import { newestSnapshot, openIndicesAmong, snapshotNameAt, snapshotsToPrune } from './snapshot-policy';

const snap = (name: string, state = 'SUCCESS'): SnapshotSummary => {
  const [, d, t] = name.split('-');
  const startedAt = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}+08:00`;
  return { name, state, startedAt: new Date(startedAt).toISOString(), durationMs: 1, indices: [] };
};

describe('snapshotNameAt', () => {
  it('names the snapshot by the Shanghai wall clock', () => {
    // 2026-11-30T19:30:05Z is already 1 December, 03:30:05 in Shanghai.
    expect(snapshotNameAt(new Date('2026-11-30T19:30:05.900Z'))).toBe('liaowang-20261201-033005');
    expect(snapshotNameAt(new Date('2026-01-02T00:00:00Z'))).toBe('liaowang-20260102-080000');
  });
});

describe('snapshotsToPrune', () => {
  const days = ['liaowang-20260101-033000', 'liaowang-20260102-033000', 'liaowang-20260103-033000', 'liaowang-20260104-033000'];

  it('keeps the newest successful ones and deletes the rest', () => {
    expect(snapshotsToPrune(days.map((n) => snap(n)), 2).sort()).toEqual(days.slice(0, 2));
    expect(snapshotsToPrune(days.map((n) => snap(n)), 4)).toEqual([]);
  });

  it('does not count a failed snapshot as kept, and deletes it once a newer one is kept', () => {
    const list = [snap(days[0]), snap(days[1]), snap(days[2], 'FAILED'), snap(days[3])];
    expect(snapshotsToPrune(list, 2).sort()).toEqual([days[0], days[2]]);
  });

  it('leaves a running snapshot, a failure newer than every kept one, and snapshots not ours alone', () => {
    const list = [snap(days[0]), snap(days[1], 'FAILED'), snap(days[2], 'IN_PROGRESS'), { ...snap(days[0]), name: 'manual-before-upgrade' }];
    expect(snapshotsToPrune(list, 1)).toEqual([]);
    expect(snapshotsToPrune([snap(days[0], 'IN_PROGRESS'), snap(days[1])], 1)).toEqual([]);
  });
});

describe('newestSnapshot', () => {
  it('is the newest successful snapshot', () => {
    const list = [snap('liaowang-20260101-033000'), snap('liaowang-20260103-033000', 'FAILED'), snap('liaowang-20260102-033000')];
    expect(newestSnapshot(list)?.name).toBe('liaowang-20260102-033000');
    expect(newestSnapshot([])).toBeUndefined();
  });
});

describe('openIndicesAmong', () => {
  it('names the indices of the snapshot that are open now', () => {
    const existing = [
      { index: 'liaowang-users-v1', status: 'open' },
      { index: 'liaowang-audit-v1', status: 'close' },
      { index: 'liaowang-items-2026.01', status: 'open' },
    ];
    expect(openIndicesAmong(['liaowang-users-v1', 'liaowang-audit-v1', 'liaowang-cases-v1'], existing)).toEqual(['liaowang-users-v1']);
  });
});
