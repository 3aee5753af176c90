import { nbPenaltyScale, trainSoftmax, type TrainingExample } from './softmax-trainer';

const example = (ids: number[], label: number): TrainingExample => ({ features: { ids: Uint32Array.from(ids), weight: 1 / Math.sqrt(ids.length) }, label });

describe('NB-weighted penalty', () => {
  // Bucket 0 only in class 0, bucket 1 only in class 1, bucket 2 in both (uninformative).
  const data = [example([0, 2], 0), example([0, 2], 0), example([1, 2], 1), example([1, 2], 1)];

  it('shrinks uninformative features harder than class-specific ones', () => {
    const scale = nbPenaltyScale(data, 4, 2, 1);
    expect(scale[0 * 2 + 0]).toBeLessThan(scale[2 * 2 + 0]);
    expect(scale[1 * 2 + 1]).toBeLessThan(scale[2 * 2 + 1]);
    expect(scale[2 * 2 + 0]).toBeCloseTo(100); // |r| = 0 is floored at r² = 0.01
  });

  it('still separates the classes when switched on', () => {
    const fit = trainSoftmax(data, { buckets: 4, classes: 2, l2: 1e-3, iterations: 50, nbSmoothing: 1 });
    expect(fit.weights[0 * 2 + 0]).toBeGreaterThan(fit.weights[0 * 2 + 1]);
    expect(fit.weights[1 * 2 + 1]).toBeGreaterThan(fit.weights[1 * 2 + 0]);
  });
});
