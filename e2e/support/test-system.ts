import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { LoginResponse } from '@liaowang/contract';
import type { Settings } from '@liaowang/platform';
import { createApiApp } from '@liaowang/api';
import { createIntakeApp } from '@liaowang/intake';
import { startStream, type StreamRuntime } from '@liaowang/stream';
import type { AddressInfo } from 'node:net';
import { untilPipelineDrained } from './pipeline-drain';
import { testSettings } from './test-settings';

export interface TestSystem {
  settings: Settings;
  apiUrl: string;
  intakeUrl: string;
  intakeKey: string;
  login(username: string): Promise<LoginResponse>;
  stop(): Promise<void>;
}

const urlOf = (app: INestApplication) => `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;

/** The whole pipeline (or only the HTTP services) in this process, on the real Kafka and Elasticsearch, on free ports. */
export async function startTestSystem(
  options: { stream?: boolean; settings?: Record<string, string> } = {},
): Promise<TestSystem> {
  const settings = testSettings(options.settings);
  const stream: StreamRuntime | undefined = options.stream === false ? undefined : await startStream(settings);
  // What earlier suites left on the topics is worked off first: a test's few items must not wait
  // behind thousands of others (a suite without a stream leaves its items for the next one).
  if (stream) await untilPipelineDrained(settings.KAFKA_BROKERS, 300_000);
  const api = await createApiApp(settings);
  await api.listen(0, '127.0.0.1');
  const intake = await createIntakeApp(settings);
  await intake.listen(0, '127.0.0.1');
  const apiUrl = urlOf(api);
  return {
    settings,
    apiUrl,
    intakeUrl: urlOf(intake),
    intakeKey: settings.INTAKE_API_KEYS[0],
    async login(username) {
      const response = await fetch(`${apiUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: settings.SEED_PASSWORD }),
      });
      if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
      return (await response.json()) as LoginResponse;
    },
    async stop() {
      await intake.close();
      await api.close();
      await stream?.stop();
    },
  };
}

/**
 * Polls until `probe` returns a value. A probe that throws counts as "not yet" (a shard still
 * starting, a consumer still joining); after the timeout the last error is reported with the wait.
 */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? `; last error: ${lastError.message}` : '';
      throw new Error(`timed out waiting for ${what}${cause}`, { cause: lastError });
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
