import { DEFAULT_SPIKE_DETECTOR, judgeWindow } from './spike-detector';

describe('judgeWindow', () => {
  it('does not fire on a quiet night: a few posts over a near-empty baseline stay below the minimum volume', () => {
    // 03:00: two or three posts a window every night; tonight eight, a big z on tiny numbers.
    const verdict = judgeWindow({ current: 8, seasonal: [2, 3, 1, 2, 2, 3, 2], recent: [1, 2, 2, 3, 1, 2] });
    expect(verdict.z).toBeGreaterThanOrEqual(DEFAULT_SPIKE_DETECTOR.zAtLeast);
    expect(verdict.spike).toBe(false);
  });

  it('does not fire on the morning rush that happens every morning at that hour', () => {
    // 08:00: the hour before was quiet, but every previous morning had ~120 at this time.
    const verdict = judgeWindow({ current: 128, seasonal: [118, 125, 110, 131, 122, 115, 127], recent: [60, 45, 38, 30, 22, 15] });
    expect(verdict.basis).toBe('seasonal');
    expect(verdict.baseline).toBe(122);
    expect(verdict.spike).toBe(false);
    // The same window judged on the recent hours alone would have fired: the seasonal part matters.
    expect(judgeWindow({ current: 128, seasonal: [], recent: [60, 45, 38, 30, 22, 15] }).spike).toBe(true);
  });

  it('fires on a real outbreak: far above both the same hour of previous days and the last hour', () => {
    const verdict = judgeWindow({ current: 64, seasonal: [6, 4, 7, 5, 5, 8, 3], recent: [5, 6, 4, 9, 7, 6] });
    expect(verdict).toMatchObject({ spike: true, count: 64, baseline: 6, basis: 'recent' });
    expect(verdict.z).toBeGreaterThan(20);
  });

  it('fires on a new story growing fast (no history at all) once it reaches the minimum volume', () => {
    expect(judgeWindow({ current: 19, seasonal: [], recent: [0, 0, 0] }).spike).toBe(false);
    expect(judgeWindow({ current: 20, seasonal: [], recent: [0, 0, 0] })).toMatchObject({ spike: true, baseline: 0, scale: 1, z: 20 });
  });

  it('does not fire on a story that has been this big all afternoon (the recent baseline)', () => {
    expect(judgeWindow({ current: 44, seasonal: [0, 0, 0], recent: [40, 38, 45, 41, 39, 42] }).spike).toBe(false);
  });

  it('measures the spread robustly: one freak day in the history does not hide a spike', () => {
    // Six ordinary days of ~10 and one day with 300 (last week's incident): the median ignores it.
    const verdict = judgeWindow({ current: 60, seasonal: [10, 300, 9, 11, 10, 12, 8], recent: [9, 10, 11, 10, 9, 12] });
    expect(verdict.baseline).toBe(10);
    expect(verdict.spike).toBe(true);
  });

  it('never divides by a zero spread: a series exactly 3 every day is judged against Poisson noise', () => {
    const verdict = judgeWindow({ current: 6, seasonal: [3, 3, 3, 3, 3, 3, 3], recent: [3, 3, 3, 3, 3, 3] });
    expect(verdict.scale).toBeCloseTo(Math.sqrt(3), 2);
    expect(Number.isFinite(verdict.z)).toBe(true);
  });

  it('takes its thresholds from the settings', () => {
    const windows = { current: 12, seasonal: [2, 2, 2], recent: [2, 2, 2] };
    expect(judgeWindow(windows).spike).toBe(false);
    expect(judgeWindow(windows, { zAtLeast: 4, minCount: 10 }).spike).toBe(true);
    expect(judgeWindow(windows, { zAtLeast: 8, minCount: 10 }).spike).toBe(false);
  });

  it('does not take a series that is never empty for a spike before it has any history (a new install)', () => {
    const firstWindow = { current: 400, seasonal: [0, 0, 0, 0, 0, 0, 0], recent: [0, 0, 0, 0, 0, 0] };
    expect(judgeWindow(firstWindow, DEFAULT_SPIKE_DETECTOR, { needsHistory: true }).spike).toBe(false);
    expect(judgeWindow({ ...firstWindow, recent: [0, 0, 0, 0, 0, 40] }, DEFAULT_SPIKE_DETECTOR, { needsHistory: true }).spike).toBe(true);
    // A keyword or a story that never appeared before is exactly what a spike is.
    expect(judgeWindow(firstWindow).spike).toBe(true);
  });
});
