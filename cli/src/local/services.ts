import { resolve } from 'node:path';
import { REPO_ROOT } from './repo-paths';

export interface LocalService {
  name: string;
  entry: string;
  args?: string[];
  /** Readiness URL, if the service speaks HTTP. */
  readyUrl?: (env: Record<string, string>) => string | undefined;
}

const port = (env: Record<string, string>, key: string, fallback: number) => env[key] ?? String(fallback);

/** The Liaowang processes of a local run, in start order. */
export const LOCAL_SERVICES: LocalService[] = [
  {
    name: 'stream',
    entry: resolve(REPO_ROOT, 'pipelines/stream/dist/main.js'),
    // Ready once Kafka and Elasticsearch answer and every stage has joined its consumer group.
    readyUrl: (env) =>
      port(env, 'STREAM_METRICS_PORT', 9464) === '0'
        ? undefined
        : `http://127.0.0.1:${port(env, 'STREAM_METRICS_PORT', 9464)}/health/ready`,
  },
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
