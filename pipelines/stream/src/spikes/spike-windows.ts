import { SPIKE_WINDOW_MINUTES, type SpikeKind } from '@liaowang/contract';
import { createHash } from 'node:crypto';

/** A half-open time range [from, to), in epoch milliseconds. */
export interface TimeWindow {
  from: number;
  to: number;
}

export const WINDOW_MS = SPIKE_WINDOW_MINUTES * 60_000;
const DAY_MS = 24 * 3600_000;
const SHANGHAI_OFFSET_MS = 8 * 3600_000; // Asia/Shanghai has no daylight saving time

/** How much history one judgement reads. */
export interface HistoryShape {
  /** Previous days whose same time-of-day window forms the seasonal baseline. */
  seasonalDays: number;
  /** Windows just before the judged one that form the recent baseline (6 = the last hour). */
  recentWindows: number;
}

export const DEFAULT_HISTORY: HistoryShape = { seasonalDays: 7, recentWindows: 6 };

/** The clock-aligned window holding `at`. */
export function windowAt(at: number): TimeWindow {
  const from = Math.floor(at / WINDOW_MS) * WINDOW_MS;
  return { from, to: from + WINDOW_MS };
}

/** The windows judged at `now`: the one running (partial) and the one just closed (late posts). */
export function judgedWindows(now: number): TimeWindow[] {
  const current = windowAt(now);
  return [current, { from: current.from - WINDOW_MS, to: current.from }];
}

/** The history windows of a judged window: same time of day on previous days, then the recent ones (newest first). */
export function historyOf(window: TimeWindow, shape: HistoryShape = DEFAULT_HISTORY): { seasonal: TimeWindow[]; recent: TimeWindow[] } {
  const shift = (w: TimeWindow, ms: number) => ({ from: w.from - ms, to: w.to - ms });
  return {
    seasonal: Array.from({ length: shape.seasonalDays }, (_, i) => shift(window, (i + 1) * DAY_MS)),
    recent: Array.from({ length: shape.recentWindows }, (_, i) => shift(window, (i + 1) * WINDOW_MS)),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-12-01 14:20–14:30` in Beijing time. */
export function beijingLabel(window: TimeWindow): string {
  const a = new Date(window.from + SHANGHAI_OFFSET_MS);
  const b = new Date(window.to + SHANGHAI_OFFSET_MS);
  const day = `${a.getUTCFullYear()}-${pad(a.getUTCMonth() + 1)}-${pad(a.getUTCDate())}`;
  return `${day} ${pad(a.getUTCHours())}:${pad(a.getUTCMinutes())}–${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}`;
}

/** One id per series and window, so a second judgement of the same window finds it taken. */
export function spikeId(kind: SpikeKind, key: string, window: TimeWindow): string {
  const digest = createHash('sha256').update(`${kind}\n${key}`).digest('hex').slice(0, 12);
  // 2026-12-01T06:20:00.000Z → 20261201T0620Z
  const start = new Date(window.from).toISOString().slice(0, 16).replace(/[-:]/g, '');
  return `sp-${kind}-${digest}-${start}Z`;
}
