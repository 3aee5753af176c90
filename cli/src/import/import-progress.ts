import { Presets, SingleBar } from 'cli-progress';

/** Where the import is: how far through the file, and how many entries it has dealt with. */
export interface ProgressPoint {
  bytesRead: number;
  entries: number;
}

export interface ImportProgress {
  update(point: ProgressPoint): void;
  stop(point: ProgressPoint): void;
}

const seconds = (ms: number) => Math.max(ms, 1) / 1000;

/** Rate and time left, from the start of the run to now: `12,345 lines/s, 1 min 40 s left`. */
export function rateAndEta(point: ProgressPoint, totalBytes: number, elapsedMs: number): { rate: number; etaSeconds: number | undefined } {
  const rate = point.entries / seconds(elapsedMs);
  const bytesPerSecond = point.bytesRead / seconds(elapsedMs);
  const etaSeconds = bytesPerSecond > 0 ? Math.max(0, (totalBytes - point.bytesRead) / bytesPerSecond) : undefined;
  return { rate, etaSeconds };
}

export const formatDuration = (s: number | undefined): string =>
  s === undefined ? '?' : s >= 60 ? `${Math.floor(s / 60)} min ${Math.round(s % 60)} s` : `${Math.round(s)} s`;

/** One plain progress line, for logs: `import: 42 % (420 of 1000 MB), 200,000 lines, 21,034 lines/s, 1 min 3 s left`. */
export function progressLine(point: ProgressPoint, totalBytes: number, elapsedMs: number): string {
  const { rate, etaSeconds } = rateAndEta(point, totalBytes, elapsedMs);
  const percent = totalBytes > 0 ? Math.floor((100 * point.bytesRead) / totalBytes) : 100;
  const mb = (bytes: number) => (bytes / 1e6).toFixed(bytes < 10e6 ? 1 : 0);
  return `import: ${percent} % (${mb(point.bytesRead)} of ${mb(totalBytes)} MB), ${point.entries.toLocaleString('en')} lines, ${Math.round(rate).toLocaleString('en')} lines/s, ${formatDuration(etaSeconds)} left`;
}

/**
 * On a terminal a progress bar with rate and ETA; otherwise (a log, a pipe) a plain line every
 * `everyMs`. Both on stderr, so stdout carries only the summary line.
 */
export function importProgress(totalBytes: number, stream: NodeJS.WriteStream = process.stderr, everyMs = 5_000): ImportProgress {
  const started = Date.now();
  if (stream.isTTY) {
    const bar = new SingleBar(
      { stream, format: 'import [{bar}] {percentage}% | {entries} lines | {rate} lines/s | {timeLeft} left', hideCursor: true, fps: 5 },
      Presets.shades_classic,
    );
    const payload = (point: ProgressPoint) => {
      const { rate, etaSeconds } = rateAndEta(point, totalBytes, Date.now() - started);
      return { entries: point.entries.toLocaleString('en'), rate: Math.round(rate).toLocaleString('en'), timeLeft: formatDuration(etaSeconds) };
    };
    bar.start(totalBytes, 0, payload({ bytesRead: 0, entries: 0 }));
    return {
      update: (point) => bar.update(point.bytesRead, payload(point)),
      stop(point) {
        bar.update(point.bytesRead, payload(point));
        bar.stop();
      },
    };
  }
  let lastLine = started;
  return {
    update(point) {
      const now = Date.now();
      if (now - lastLine < everyMs) return;
      lastLine = now;
      stream.write(`${progressLine(point, totalBytes, now - started)}\n`);
    },
    stop(point) {
      stream.write(`${progressLine(point, totalBytes, Date.now() - started)}\n`);
    },
  };
}
