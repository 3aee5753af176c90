import { parentPort, workerData } from 'node:worker_threads';
import { checkedEntries, type CheckOptions, type CheckShare } from './checked-entries';
import { FileRefusedError } from './file-entries';
import type { WorkerReport } from './checked-entries-in-worker';

// Runs checkedEntries in a worker thread, for its share of the file's blocks: parsing and schema
// checks off the main thread, which talks to Kafka and Elasticsearch. Sends a block only while it
// holds a credit, so it never runs more than a few blocks ahead of what the main thread has taken
// (bounded memory).
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
    const { options, share } = workerData as { options: CheckOptions; share: CheckShare };
    for await (const chunk of checkedEntries({ ...options, onEncoding: (encoding) => report({ type: 'encoding', encoding }) }, share)) {
      while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
      credits--;
      report({ type: 'chunk', chunk });
    }
    report({ type: 'end' });
  } catch (error) {
    report({ type: 'error', refused: error instanceof FileRefusedError, message: error instanceof Error ? error.message : String(error) });
  }
})();
