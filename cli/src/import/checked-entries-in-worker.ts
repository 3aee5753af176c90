import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkedEntries, type CheckedChunk, type CheckOptions } from './checked-entries';
import type { FileEncoding } from './file-encoding';
import { FileRefusedError } from './file-entries';

/** What the worker thread tells the main thread. */
export type WorkerReport =
  | { type: 'encoding'; encoding: FileEncoding }
  | { type: 'chunk'; chunk: CheckedChunk }
  | { type: 'end' }
  | { type: 'error'; refused: boolean; message: string };

const WORKER_FILE = join(__dirname, 'check-worker.js');

/**
 * checkedEntries, run in a worker thread when the compiled worker is there (the built command);
 * in the same thread otherwise (tests on the sources). Same chunks, same order.
 */
export function checkedEntriesInWorker(options: CheckOptions): AsyncGenerator<CheckedChunk> {
  return existsSync(WORKER_FILE) ? fromWorker(options) : checkedEntries(options);
}

async function* fromWorker(options: CheckOptions): AsyncGenerator<CheckedChunk> {
  const { onEncoding, ...data } = options;
  const worker = new Worker(WORKER_FILE, { workerData: data });
  const reports: WorkerReport[] = [];
  let wake: (() => void) | undefined;
  const push = (report: WorkerReport) => {
    reports.push(report);
    wake?.();
  };
  worker.on('message', push);
  worker.on('error', (error) => push({ type: 'error', refused: false, message: error.message }));
  worker.on('exit', (code) => push({ type: 'error', refused: false, message: `the reading thread stopped (exit ${code})` }));
  try {
    for (;;) {
      while (reports.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const report = reports.shift()!;
      if (report.type === 'encoding') onEncoding?.(report.encoding);
      else if (report.type === 'end') return;
      else if (report.type === 'error') throw report.refused ? new FileRefusedError(report.message) : new Error(report.message);
      else {
        yield report.chunk;
        worker.postMessage('more');
      }
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}
