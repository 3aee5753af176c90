import { parentPort, workerData } from 'node:worker_threads';
import { checkedEntries, type CheckOptions } from './checked-entries';
import { FileRefusedError } from './file-entries';
import type { WorkerReport } from './checked-entries-in-worker';

// Runs checkedEntries in a worker thread: parsing and schema checks on one core while the main
// thread talks to Kafka and Elasticsearch. Sends a chunk only while it holds a credit, so it never
// runs more than a few chunks ahead of what the main thread has taken (bounded memory).
const port = parentPort!;
let credits = 2;
let wake: (() => void) | undefined;
port.on('message', (message: unknown) => {
  if (message !== 'more') return;
  credits++;
  wake?.();
});

const report = (message: WorkerReport) => port.postMessage(message);

void (async () => {
  try {
    const options = workerData as CheckOptions;
    for await (const chunk of checkedEntries({ ...options, onEncoding: (encoding) => report({ type: 'encoding', encoding }) })) {
      while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
      credits--;
      report({ type: 'chunk', chunk });
    }
    report({ type: 'end' });
  } catch (error) {
    report({ type: 'error', refused: error instanceof FileRefusedError, message: error instanceof Error ? error.message : String(error) });
  }
})();
