import { resolve } from 'node:path';
import { REPO_ROOT } from './repo-paths';

export interface LocalService {
  name: string;
  entry: string;
  args?: string[];
  /** Settings of this process only, from those of the run (e.g. its own metrics port). */
  env?: (env: Record<string, string>) => Record<string, string>;
  /** Readiness URL, if the service speaks HTTP (from the run's settings, as `env` derives its own). */
  readyUrl?: (env: Record<string, string>) => string | undefined;
}

const port = (env: Record<string, string>, key: string, fallback: number) => env[key] ?? String(fallback);

/**
 * A process of the stream running some of its stages (R-PERF-1: the enricher and the indexer
 * each in its own process, so each scales out by partition on its own). Each serves /metrics
 * and /health on STREAM_METRICS_PORT plus its offset (0 = off for all).
 */
function streamProcess(name: string, stages: string[], portOffset: number): LocalService {
  const metricsPort = (env: Record<string, string>) => {
    const base = Number(port(env, 'STREAM_METRICS_PORT', 9464));
    return base === 0 ? 0 : base + portOffset;
  };
  return {
    name,
    entry: resolve(REPO_ROOT, 'pipelines/stream/dist/main.js'),
    args: stages,
    env: (env) => ({ STREAM_METRICS_PORT: String(metricsPort(env)) }),
    // Ready once Kafka (and Elasticsearch, for stages that use it) answer and every stage has joined its consumer group.
    readyUrl: (env) => (metricsPort(env) === 0 ? undefined : `http://127.0.0.1:${metricsPort(env)}/health/ready`),
  };
}

/** The Liaowang processes of a local run, in start order. */
export const LOCAL_SERVICES: LocalService[] = [
  streamProcess('enricher', ['enricher'], 0),
  streamProcess('indexer', ['indexer'], 1),
  // The stages after indexing: alerts, stories and spikes.
  streamProcess('stream', ['alert-evaluator', 'alert-recorder', 'stories', 'spikes'], 2),
  {
    name: 'api',
    entry: resolve(REPO_ROOT, 'services/api/dist/main.js'),
    readyUrl: (env) => `http://127.0.0.1:${port(env, 'API_PORT', 3000)}/health/ready`,
  },
  {
    name: 'intake',
    entry: resolve(REPO_ROOT, 'services/intake/dist/main.js'),
    readyUrl: (env) => `http://127.0.0.1:${port(env, 'INTAKE_PORT', 3001)}/health/ready`,
  },
];
