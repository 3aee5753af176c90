import { createLogger, loadSettings } from '@liaowang/platform';
import { startStream, STREAM_STAGES, type StreamStage } from './stream-runtime';

// Process entry: `node pipelines/stream/dist/main.js [enricher] [indexer] [alert-evaluator] [alert-recorder] [stories] [spikes]` (default: all).
async function main() {
  const settings = loadSettings();
  const requested = process.argv.slice(2);
  const unknown = requested.filter((s) => !STREAM_STAGES.includes(s as StreamStage));
  if (unknown.length > 0) throw new Error(`unknown stage(s): ${unknown.join(', ')}; known: ${STREAM_STAGES.join(', ')}`);
  const runtime = await startStream(settings, requested.length > 0 ? (requested as StreamStage[]) : STREAM_STAGES);
  const stop = () => void runtime.stop().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  createLogger('stream').fatal({ err: error }, 'stream failed to start');
  process.exit(1);
});
