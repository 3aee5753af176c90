import { loadSettings, type Settings } from '@liaowang/platform';
import { randomBytes } from 'node:crypto';

const secret = (n: number) => randomBytes(n).toString('base64url');

/**
 * Settings for a test run against the real local stack: brokers and Elasticsearch from the
 * environment (the test command starts them), fresh secrets for every run.
 */
export function testSettings(overrides: Record<string, string> = {}): Settings {
  return loadSettings({
    ...process.env,
    AUTH_TOKEN_SECRET: secret(48),
    SEED_PASSWORD: secret(12),
    INTAKE_API_KEYS: secret(24),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ...overrides,
  });
}
