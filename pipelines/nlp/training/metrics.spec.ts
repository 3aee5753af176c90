import { atThreshold, classificationReport, rocAuc } from './metrics';

describe('rocAuc', () => {
  it('is 1 for a perfect ranking, 0 for a reversed one and 0.5 for all ties', () => {
    expect(rocAuc([false, false, true, true], [0.1, 0.2, 0.8, 0.9])).toBe(1);
    expect(rocAuc([true, true, false, false], [0.1, 0.2, 0.8, 0.9])).toBe(0);
    expect(rocAuc([true, false, true, false], [0.5, 0.5, 0.5, 0.5])).toBe(0.5);
  });

  it('counts one discordant pair out of four', () => {
    expect(rocAuc([false, true, false, true], [0.1, 0.3, 0.4, 0.9])).toBe(0.75);
  });
});

describe('classificationReport', () => {
  it('computes accuracy, macro-F1 and the confusion matrix', () => {
    const report = classificationReport(['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'b'], ['a', 'b']);
    expect(report.accuracy).toBe(0.75);
    expect(report.confusion).toEqual([[1, 1], [0, 2]]);
    // a: P 1, R 0.5, F1 2/3; b: P 2/3, R 1, F1 0.8
    expect(report.macroF1).toBeCloseTo((2 / 3 + 0.8) / 2, 10);
  });
});

describe('atThreshold', () => {
  it('gives precision and recall of scores at or above the threshold', () => {
    expect(atThreshold([true, false, true], [0.9, 0.6, 0.2], 0.5)).toEqual({ threshold: 0.5, precision: 0.5, recall: 0.5, f1: 0.5 });
  });
});
