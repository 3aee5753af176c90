import { itemsIndex, type IntakeAccepted } from '@liaowang/contract';
import { createElasticsearchClient } from '@liaowang/platform';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eventually, startTestSystem, type TestSystem } from './support/test-system';

const run = promisify(execFile);

// R-REL-2, R-ING-3: with the broker stopped, intake answers 503 + Retry-After (fast once it
// knows), never 2xx for an item not written; with the broker back it takes items again by
// itself, and every item that got a 202 is found in Elasticsearch.
describe('intake while Kafka is down and after it is back', () => {
  let system: TestSystem;
  let es: ReturnType<typeof createElasticsearchClient>;

  // Stops and starts exactly the Kafka this test talks to: its port comes from the brokers setting.
  const kafka = async (command: 'down' | 'up') => {
    const port = system.settings.KAFKA_BROKERS[0].split(':').pop()!;
    await run('bash', [join(__dirname, '..', 'deploy', 'local', 'stack.sh'), command, 'kafka'], {
      env: { ...process.env, KAFKA_PORT: port },
      timeout: 240_000,
    });
  };

  beforeAll(async () => {
    system = await startTestSystem();
    es = createElasticsearchClient(system.settings.ES_URL);
  });
  afterAll(async () => {
    await kafka('up');
    await system?.stop();
    await es?.close();
  });

  const marker = `断连${randomUUID().slice(0, 8)}`;
  let sequence = 0;
  const push = async () => {
    const started = Date.now();
    const response = await fetch(`${system.intakeUrl}/api/v1/intake/mentions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-intake-key': system.intakeKey },
      body: JSON.stringify({
        sourceId: randomUUID(),
        platform: 'weibo',
        author: { id: 'u-outage', name: '断连测试' },
        text: `${marker} 第${++sequence}条`,
        publishedAt: new Date().toISOString(),
      }),
    });
    const body = (await response.json()) as IntakeAccepted;
    return { status: response.status, retryAfter: response.headers.get('retry-after'), id: body.id, ms: Date.now() - started };
  };

  it('answers 503 with Retry-After within a second once Kafka is known down, 202 again once it is back, and loses no accepted item', async () => {
    const accepted: string[] = [];
    const take = (answer: Awaited<ReturnType<typeof push>>) => {
      expect([202, 503]).toContain(answer.status);
      if (answer.status === 202) accepted.push(answer.id);
      else expect(Number(answer.retryAfter)).toBeGreaterThan(0);
      return answer;
    };
    for (let i = 0; i < 5; i++) expect(take(await push()).status).toBe(202);

    await kafka('down');
    // The first write finds out (the producer's retries); from then on the circuit answers.
    await eventually(async () => ((take(await push())).status === 503 ? true : undefined), 60_000, 'a 503');
    const whileDown = [];
    for (let i = 0; i < 10; i++) whileDown.push(take(await push()));
    expect(whileDown.map((a) => a.status)).toEqual(Array(10).fill(503));
    expect(Math.max(...whileDown.map((a) => a.ms))).toBeLessThan(1_000);

    await kafka('up');
    await eventually(async () => ((take(await push())).status === 202 ? true : undefined), 120_000, 'a 202 after Kafka is back');
    for (let i = 0; i < 5; i++) expect(take(await push()).status).toBe(202);

    await eventually(
      async () => {
        await es.indices.refresh({ index: itemsIndex.alias });
        const found = await es.search({ index: itemsIndex.alias, query: { ids: { values: accepted } }, size: accepted.length, _source: false });
        return found.hits.hits.length === accepted.length ? true : undefined;
      },
      120_000,
      `all ${accepted.length} accepted items in Elasticsearch`,
    );
  }, 600_000);
});
