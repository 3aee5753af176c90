import { itemSummarySchema, type ItemSummary } from '@liaowang/contract';
import { findFreshIds, mergeItems } from './merge-items';

const item = (id: string, receivedAt: string, rumorScore = 0.1): ItemSummary =>
  itemSummarySchema.parse({
    id,
    kind: 'mention',
    platform: 'weibo',
    authorName: 'a',
    text: 't',
    publishedAt: receivedAt,
    receivedAt,
    sentiment: { label: 'neutral', score: 0.5 },
    rumorScore,
    categories: [],
  });

describe(mergeItems.name, () => {
  it('orders by received time across time-zone offsets, newest first', () => {
    const merged = mergeItems(
      [item('a', '2026-11-23T10:00:00+08:00')],
      [item('b', '2026-11-23T02:30:00Z'), item('c', '2026-11-23T09:00:00+08:00')],
    );
    expect(merged.map((i) => i.id)).toEqual(['b', 'a', 'c']);
  });

  it('keeps one copy of an id, the later one', () => {
    const merged = mergeItems([item('a', '2026-11-23T02:00:00Z', 0.1)], [item('a', '2026-11-23T02:00:00Z', 0.9)]);
    expect(merged).toHaveLength(1);
    expect(merged[0].rumorScore).toBe(0.9);
  });

  it('cuts the list to the cap', () => {
    const many = Array.from({ length: 10 }, (_, i) => item(`i${i}`, new Date(Date.UTC(2026, 10, 23, 0, i)).toISOString()));
    expect(mergeItems([], many, 3).map((i) => i.id)).toEqual(['i9', 'i8', 'i7']);
  });
});

describe(findFreshIds.name, () => {
  it('marks only items newer than what was listed, and nothing on the first load', () => {
    const before = [item('a', '2026-11-23T02:00:00Z')];
    const after = [item('n', '2026-11-23T02:01:00Z'), ...before, item('old', '2026-11-23T01:00:00Z')];
    expect(findFreshIds(before, after)).toEqual(['n']);
    expect(findFreshIds([], after)).toEqual([]);
  });
});
