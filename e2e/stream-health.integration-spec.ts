import { itemsEnrichedTopic } from '@liaowang/contract';
import { startStream, type StreamRuntime } from '@liaowang/stream';
import { KafkaPort, createLogger } from '@liaowang/platform';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './support/free-port';
import { eventually } from './support/test-system';
import { testSettings } from './support/test-settings';

const run = promisify(execFile);

// R-REL-1, R-OPS-4: the stream process's readiness comes from the servers and its consumers, not a
// constant 200: it turns false while Elasticsearch is stopped and true again once it is back,
// while liveness stays true (the indexer retries, its loop turns).
describe('stream readiness and liveness on the real stack', () => {
  let runtime: StreamRuntime;
  let base: string;
  const settings = testSettings({ LOG_LEVEL: 'silent' });
  const esPort = new URL(settings.ES_URL).port;

  // Stops and starts exactly the Elasticsearch this test talks to: its port comes from ES_URL.
  let stopped = false;
  const elasticsearch = async (command: 'down' | 'up') => {
    stopped = command === 'down';
    await run('bash', [join(__dirname, '..', 'deploy', 'local', 'stack.sh'), command, 'elasticsearch'], {
      env: { ...process.env, ES_PORT: esPort },
      timeout: 240_000,
    });
  };
  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  /** The indexer group's lag summed over the partitions of its topic, as /metrics shows it. */
  const indexerLag = async () => {
    const text = await (await fetch(`${base}/metrics`)).text();
    const lines = text.split('\n').filter((l) => l.startsWith(`liaowang_consumer_lag{group="liaowang-indexer",topic="${itemsEnrichedTopic.name}",`));
    return lines.length === itemsEnrichedTopic.partitions ? lines.reduce((sum, l) => sum + Number(l.split(' ').pop()), 0) : undefined;
  };

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    runtime = await startStream({ ...settings, STREAM_METRICS_PORT: port }, ['indexer']);
  });
  afterAll(async () => {
    if (stopped) await elasticsearch('up');
    await runtime?.stop();
  });

  it('is ready with both servers up, not ready while Elasticsearch is stopped, and ready again once it is back', async () => {
    await eventually(async () => ((await get('/health/ready')).status === 200 ? true : undefined), 60_000, 'ready');
    expect((await get('/health/ready')).body).toMatchObject({
      status: 'ok',
      checks: { kafka: true, elasticsearch: true, consumersJoined: true },
    });
    expect(await get('/health/live')).toMatchObject({ status: 200, body: { status: 'ok', consumers: [{ stage: 'indexer', live: true }] } });

    await elasticsearch('down');
    const down = await eventually(async () => {
      const answer = await get('/health/ready');
      return answer.status === 503 ? answer : undefined;
    }, 30_000, 'not ready');
    expect(down.body).toMatchObject({ status: 'unavailable', checks: { kafka: true, elasticsearch: false, consumersJoined: true } });
    // A batch the indexer cannot write keeps failing and being retried: the loop is not stuck.
    const kafka = new KafkaPort(settings.KAFKA_BROKERS, 'health-test', createLogger('test', 'silent'));
    await kafka.send(itemsEnrichedTopic, [{ key: 'k', value: { ...itemsEnrichedTopic.example, id: randomUUID() } }]);
    await kafka.disconnect();
    // The item waits: the indexer is behind by it on /metrics, and stays live while it retries.
    await eventually(async () => ((await indexerLag()) ?? 0) >= 1 || undefined, 20_000, 'the indexer behind');
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect((await get('/health/live')).status).toBe(200);

    await elasticsearch('up');
    await eventually(async () => ((await get('/health/ready')).status === 200 ? true : undefined), 60_000, 'ready again');
    expect((await get('/health/live')).status).toBe(200);
    await eventually(async () => ((await indexerLag()) === 0 ? true : undefined), 60_000, 'the indexer caught up');
  }, 300_000);
});
