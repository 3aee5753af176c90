import { itemsIndex, storiesIndex } from '@liaowang/contract';
import { monthPrefixOf, planRetention } from './retention-policy';

describe(planRetention.name, () => {
  const prefix = 'liaowang-items-';
  // 1 December 2026, 00:30 in Beijing: still 30 November in UTC.
  const now = new Date('2026-11-30T16:30:00Z');

  it('deletes the months at least keepMonths before the current Asia/Shanghai month, and keeps the rest', () => {
    const existing = ['liaowang-items-2025.11', 'liaowang-items-2025.12', 'liaowang-items-2026.01', 'liaowang-items-2026.12', 'liaowang-items-2027.01'];
    expect(planRetention(existing, [prefix], now, 12)).toEqual({ create: [], delete: ['liaowang-items-2025.11', 'liaowang-items-2025.12'] });
    expect(planRetention(existing, [prefix], now, 1).delete).toEqual(['liaowang-items-2025.11', 'liaowang-items-2025.12', 'liaowang-items-2026.01']);
  });

  it('creates the current and the next month ahead, across a year boundary', () => {
    expect(planRetention([], [prefix], new Date('2026-12-31T16:00:00Z'), 12).create).toEqual(['liaowang-items-2027.01', 'liaowang-items-2027.02']);
  });

  it('leaves alone names that are not month indices of the prefix', () => {
    const existing = ['liaowang-items-v1', 'liaowang-items-1999.13', 'liaowang-items-backup-2001.01', 'liaowang-itemsx-2001.01'];
    expect(planRetention(existing, [prefix], now, 1).delete).toEqual([]);
  });
});

describe(monthPrefixOf.name, () => {
  it('names the month prefix of a time-based template only', () => {
    expect(monthPrefixOf(itemsIndex)).toBe('liaowang-items-');
    expect(monthPrefixOf(storiesIndex)).toBeUndefined();
  });
});
