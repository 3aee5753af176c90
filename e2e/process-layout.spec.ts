import { STREAM_STAGES } from '@liaowang/stream';
import { LOCAL_SERVICES } from '../cli/src/local/services';

// The processes of a local run (`liaowang up`) against the stages the stream knows.
describe('LOCAL_SERVICES', () => {
  const streamProcesses = LOCAL_SERVICES.filter((s) => s.entry.endsWith('pipelines/stream/dist/main.js'));

  it('runs the enricher and the indexer each in its own process, and every stage exactly once', () => {
    expect(streamProcesses.find((s) => s.name === 'enricher')?.args).toEqual(['enricher']);
    expect(streamProcesses.find((s) => s.name === 'indexer')?.args).toEqual(['indexer']);
    expect(streamProcesses.flatMap((s) => s.args ?? []).sort()).toEqual([...STREAM_STAGES].sort());
  });

  it('gives each stream process a metrics port of its own, and its readiness URL on it', () => {
    const env = { STREAM_METRICS_PORT: '9500' };
    const ports = streamProcesses.map((s) => s.env!(env).STREAM_METRICS_PORT);
    expect(new Set(ports).size).toBe(streamProcesses.length);
    for (const s of streamProcesses) expect(s.readyUrl!(env)).toBe(`http://127.0.0.1:${s.env!(env).STREAM_METRICS_PORT}/health/ready`);
    // 0 turns the metrics servers off, for all of them.
    for (const s of streamProcesses) expect([s.env!({ STREAM_METRICS_PORT: '0' }).STREAM_METRICS_PORT, s.readyUrl!({ STREAM_METRICS_PORT: '0' })]).toEqual(['0', undefined]);
  });
});
