import type { ItemSummary } from '@liaowang/contract';
import { countSentiments } from './count-sentiments';

const withLabel = (label: ItemSummary['sentiment']['label']) => ({ sentiment: { label, score: 0.9 } }) as ItemSummary;

describe(countSentiments.name, () => {
  it('counts every label in contract order, with shares', () => {
    const counts = countSentiments([withLabel('negative'), withLabel('negative'), withLabel('positive'), withLabel('negative')]);
    expect(counts).toEqual([
      { label: 'negative', count: 3, share: 0.75 },
      { label: 'neutral', count: 0, share: 0 },
      { label: 'positive', count: 1, share: 0.25 },
    ]);
  });

  it('gives zero shares for an empty list, not NaN', () => {
    expect(countSentiments([]).map((c) => c.share)).toEqual([0, 0, 0]);
  });
});
