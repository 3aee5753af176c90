import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkedEntries, type CheckedChunk, type CheckOptions, type CheckShare } from './checked-entries';
import type { FileEncoding } from './file-encoding';
import { FileRefusedError } from './file-entries';

/** What the worker thread tells the main thread. */
export type WorkerReport =
  | { type: 'encoding'; encoding: FileEncoding }
  | { type: 'chunk'; chunk: CheckedChunk }
  | { type: 'end' }
  | { type: 'error'; refused: boolean; message: string };

const WORKER_FILE = join(__dirname, 'check-worker.js');
/** Threads that parse and check; each reads the whole file but checks only its blocks. */
export const CHECK_THREADS = 2;

/**
 * checkedEntries, shared by worker threads when the compiled worker is there (the built command);
 * in the same thread otherwise (tests on the sources). Same entries, same order.
 */
export function checkedEntriesInWorkers(options: CheckOptions, threads = CHECK_THREADS): AsyncGenerator<CheckedChunk> {
  return existsSync(WORKER_FILE) ? fromWorkers(options, threads) : checkedEntries(options);
}

/** One worker thread and the reports it has sent that were not taken yet. */
class CheckThread {
  readonly worker: Worker;
  private readonly reports: WorkerReport[] = [];
  private wake?: () => void;

  constructor(options: Omit<CheckOptions, 'onEncoding'>, share: CheckShare) {
    this.worker = new Worker(WORKER_FILE, { workerData: { options, share } });
    this.worker.on('message', (report: WorkerReport) => this.push(report));
    this.worker.on('error', (error) => this.push({ type: 'error', refused: false, message: error.message }));
    this.worker.on('exit', (code) => this.push({ type: 'error', refused: false, message: `a reading thread stopped (exit ${code})` }));
  }

  async next(): Promise<WorkerReport> {
    while (this.reports.length === 0) await new Promise<void>((resolve) => (this.wake = resolve));
    return this.reports.shift()!;
  }

  private push(report: WorkerReport): void {
    this.reports.push(report);
    this.wake?.();
  }
}

async function* fromWorkers(options: CheckOptions, count: number): AsyncGenerator<CheckedChunk> {
  const { onEncoding, ...data } = options;
  const threads = Array.from({ length: count }, (_, index) => new CheckThread(data, { index, of: count }));
  try {
    // Block b is checked by thread b % count; taking them in turn gives the file's order back.
    for (let block = 0; ; block++) {
      const thread = threads[block % count];
      let report = await thread.next();
      while (report.type === 'encoding') {
        if (block === 0) onEncoding?.(report.encoding);
        report = await thread.next();
      }
      if (report.type === 'end') return; // this block does not exist: the file has no more
      if (report.type === 'error') throw report.refused ? new FileRefusedError(report.message) : new Error(report.message);
      if (report.chunk.block !== block) throw new Error(`reading thread gave block ${report.chunk.block}, expected ${block}`);
      yield report.chunk;
      thread.worker.postMessage('more');
    }
  } finally {
    for (const thread of threads) thread.worker.removeAllListeners();
    await Promise.all(threads.map((thread) => thread.worker.terminate()));
  }
}
