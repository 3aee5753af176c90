import type { ItemSummary } from '@liaowang/contract';
import { storiesTouched, storyKeys } from './story-queries';

describe('story queries', () => {
  it('keys every story query under one prefix', () => {
    for (const key of [storyKeys.lists, storyKeys.list('velocity', '停水'), storyKeys.detail('s1')]) expect(key.slice(0, 1)).toEqual(storyKeys.all);
    expect(storyKeys.list('velocity', '').slice(0, 2)).toEqual(storyKeys.lists);
  });

  it('names the stories a batch of indexed items grew, each once', () => {
    const items = [{ storyId: 's1' }, { storyId: 's2' }, {}, { storyId: 's1' }] as ItemSummary[];
    expect([...storiesTouched(items)].sort()).toEqual(['s1', 's2']);
    expect(storiesTouched([]).size).toBe(0);
  });
});
