import { median, medianAbsoluteDeviation } from 'simple-statistics';

/**
 * Spike detection as pure logic (issue 10 part 2): is the count of the current window far above
 * what this series usually has at this time of day, and lately? Defaults and why: docs/ARCHITECTURE.md.
 */
export interface SpikeDetectorSettings {
  /** z at or above which a window is a spike. */
  zAtLeast: number;
  /** Fewer items than this in the window are never a spike, whatever the baseline (a quiet night). */
  minCount: number;
}

export const DEFAULT_SPIKE_DETECTOR: SpikeDetectorSettings = { zAtLeast: 4, minCount: 20 };

/** Counts of one series (a story, a keyword, negative items overall) around the window judged. */
export interface SeriesWindows {
  /** Items in the window judged. */
  current: number;
  /** The same time-of-day window on each previous day (newest first); absent days count 0. */
  seasonal: readonly number[];
  /** The windows just before the judged one (newest first). */
  recent: readonly number[];
}

export type BaselineBasis = 'seasonal' | 'recent';

export interface SpikeVerdict {
  spike: boolean;
  count: number;
  /** What the series is expected to have in this window. */
  baseline: number;
  /** The spread the z is measured in (robust: MAD × 1.4826, at least Poisson noise). */
  scale: number;
  z: number;
  /** Which history set the baseline: the higher of the two medians. */
  basis: BaselineBasis;
}

// MAD × 1.4826 estimates the standard deviation of normally distributed counts.
const MAD_TO_SIGMA = 1.4826;

interface Expectation {
  baseline: number;
  scale: number;
}

function expectationOf(samples: readonly number[]): Expectation {
  if (samples.length === 0) return { baseline: 0, scale: 0 };
  const baseline = median([...samples]);
  return { baseline, scale: samples.length > 1 ? MAD_TO_SIGMA * medianAbsoluteDeviation([...samples]) : 0 };
}

/**
 * Robust z-score of the window against two baselines, the median of the same time-of-day windows
 * on previous days (a morning rush that happens every morning is normal for that hour) and the
 * median of the recent windows (a story that has been this big all afternoon is not new); the
 * higher one is the baseline, so a spike is above both. The spread is the MAD of the same
 * samples, never below the Poisson noise of the baseline (√baseline, at least 1): a series that
 * was exactly 3 every day has MAD 0, and 6 is not then a spike of infinite z.
 */
export function judgeWindow(
  windows: SeriesWindows,
  settings: SpikeDetectorSettings = DEFAULT_SPIKE_DETECTOR,
  options: { needsHistory?: boolean } = {},
): SpikeVerdict {
  const seasonal = expectationOf(windows.seasonal);
  const recent = expectationOf(windows.recent);
  const basis: BaselineBasis = seasonal.baseline >= recent.baseline ? 'seasonal' : 'recent';
  const { baseline, scale: mad } = basis === 'seasonal' ? seasonal : recent;
  const scale = Math.max(mad, Math.sqrt(Math.max(baseline, 1)));
  const z = (windows.current - baseline) / scale;
  // A series that is never empty on a running system (negative volume overall) with an empty
  // history has no history yet (a new install): its first windows are not spikes.
  const unknown = options.needsHistory === true && [...windows.seasonal, ...windows.recent].every((count) => count === 0);
  const spike = !unknown && windows.current >= settings.minCount && z >= settings.zAtLeast;
  return { spike, count: windows.current, baseline, scale: round2(scale), z: round2(z), basis };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
