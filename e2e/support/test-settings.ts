import { loadSettings, localEnvironment, type Settings } from '@liaowang/platform';
import { join } from 'node:path';

const dataDir = process.env.LIAOWANG_DATA_DIR ?? join(__dirname, '..', '..', '.data');

/**
 * The environment of a test run against the real local stack: brokers and Elasticsearch from the
 * environment (the test command starts them); secrets from this checkout's local.env, the same
 * ones `liaowang up` uses, because the seed users persist in Elasticsearch between runs. Given
 * as it is to the processes a test starts (`node pipelines/stream/dist/main.js`).
 */
export function testEnvironment(overrides: Record<string, string> = {}): Record<string, string> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return {
    ...inherited,
    ...localEnvironment(join(dataDir, 'local.env')),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    // In-process stages; a local run may hold the default metrics port.
    STREAM_METRICS_PORT: '0',
    // Scheduled jobs stay off unless a test turns one on: a run that spans 03:30 or 04:00 Beijing
    // time would otherwise snapshot or prune the shared test stack under other tests.
    BACKUP_CRON: 'off',
    RETENTION_CRON: 'off',
    // The tests serve their feeds on 127.0.0.1; the feed guard's own tests turn this off.
    FEEDS_ALLOW_PRIVATE_ADDRESSES: 'true',
    ...overrides,
  };
}

/** The settings of that environment, for the services a test runs in its own process. */
export function testSettings(overrides: Record<string, string> = {}): Settings {
  return loadSettings(testEnvironment(overrides));
}
