import { itemsIndex, STORIES_INDEX_NAME, type ItemBatchAccepted, type Story, type ValidMentionIntake } from '@liaowang/contract';
import { MentionGenerator } from '@liaowang/intake';
import { createElasticsearchClient } from '@liaowang/platform';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { StreamProcess } from './support/stream-process';
import { eventually, startTestSystem, type TestSystem } from './support/test-system';

const run = promisify(execFile);
const ITEMS = 20_000;
const BATCH = 500;

/**
 * Issue 10's fault test (R-REL-1, R-REL-2) on the real Kafka and Elasticsearch: the stream runs as
 * its own process while 20,000 items come in through intake; once SIGKILLed in the middle of the
 * run and started again, once with Elasticsearch stopped for 60 s. Afterwards every item that got
 * a 202 is indexed exactly once, and every story of the run counts exactly its items.
 */
describe('the pipeline through a SIGKILL and an Elasticsearch outage', () => {
  let system: TestSystem;
  let stream: StreamProcess | undefined;
  const es = createElasticsearchClient(process.env.ES_URL ?? 'http://127.0.0.1:9200');

  // Stops and starts exactly the Elasticsearch this test talks to.
  const elasticsearch = async (command: 'down' | 'up') => {
    const port = new URL(system.settings.ES_URL).port;
    await run('bash', [join(__dirname, '..', 'deploy', 'local', 'stack.sh'), command, 'es'], { env: { ...process.env, ES_PORT: port }, timeout: 240_000 });
  };

  beforeAll(async () => {
    system = await startTestSystem({ stream: false });
  });
  afterAll(async () => {
    await elasticsearch('up');
    await stream?.stop();
    await system?.stop();
    await es.close();
  });

  /** Posts the run's items in batches (two at a time), retrying a 503 as a client should; answers the ids that got a 202. */
  const postRun = async (author: string): Promise<string[]> => {
    const generator = new MentionGenerator(Date.now(), `fault-${author}`);
    const items: ValidMentionIntake[] = Array.from({ length: ITEMS }, () => ({ ...generator.generate(), kind: 'mention', author: { id: author, name: '故障演练' } }));
    const accepted: string[] = [];
    const send = async (batch: ValidMentionIntake[]) => {
      for (;;) {
        const response = await fetch(`${system.intakeUrl}/api/v1/intake/batch`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-intake-key': system.intakeKey },
          body: JSON.stringify({ kind: 'mention', items: batch }),
        });
        if (response.status === 202) {
          const body = (await response.json()) as ItemBatchAccepted;
          for (const result of body.results) if ('id' in result) accepted.push(result.id);
          return;
        }
        if (response.status !== 503) throw new Error(`intake ${response.status}: ${await response.text()}`);
        await new Promise((r) => setTimeout(r, 1_000 * Number(response.headers.get('retry-after') ?? 1)));
      }
    };
    const batches = Array.from({ length: ITEMS / BATCH }, (_, i) => items.slice(i * BATCH, (i + 1) * BATCH));
    for (let i = 0; i < batches.length; i += 2) await Promise.all(batches.slice(i, i + 2).map(send));
    return accepted;
  };

  const indexedOf = async (author: string) => {
    await es.indices.refresh({ index: itemsIndex.alias });
    return (await es.count({ index: itemsIndex.alias, query: { term: { 'author.id': author } } })).count;
  };

  /** Every accepted item is in the items alias exactly once, and nothing else of the run is. */
  const expectIndexedOnce = async (author: string, accepted: string[]) => {
    expect(new Set(accepted).size).toBe(accepted.length);
    await eventually(async () => ((await indexedOf(author)) >= accepted.length ? true : undefined), 300_000, `${accepted.length} items of ${author} indexed (${stream?.state})`);
    // One document per id across every month index: a copy in a second index would count twice here.
    let found = 0;
    for (let i = 0; i < accepted.length; i += 5_000) {
      found += (await es.count({ index: itemsIndex.alias, query: { ids: { values: accepted.slice(i, i + 5_000) } } })).count;
    }
    expect(found).toBe(accepted.length);
    expect(await indexedOf(author)).toBe(accepted.length);
  };

  /** Every story holding items of the run counts exactly its items (none counted twice after a replay). */
  const expectStoriesCountTheirItems = async (author: string, accepted: number) => {
    const storyIds = await eventually(async () => {
      await es.indices.refresh({ index: itemsIndex.alias });
      const placed = await es.count({ index: itemsIndex.alias, query: { bool: { filter: [{ term: { 'author.id': author } }, { exists: { field: 'storyId' } }] } } });
      if (placed.count < accepted) return undefined;
      const response = await es.search({ index: itemsIndex.alias, size: 0, query: { term: { 'author.id': author } }, aggs: { stories: { terms: { field: 'storyId', size: 10_000 } } } });
      return (response.aggregations?.stories as { buckets: { key: string }[] }).buckets.map((b) => b.key);
    }, 300_000, `every item of ${author} in a story`);
    expect(storyIds.length).toBeGreaterThan(0);
    const volumes = async () => {
      const counted = await es.search({ index: itemsIndex.alias, size: 0, query: { terms: { storyId: storyIds } }, aggs: { stories: { terms: { field: 'storyId', size: storyIds.length } } } });
      const items = new Map((counted.aggregations?.stories as { buckets: { key: string; doc_count: number }[] }).buckets.map((b) => [b.key, b.doc_count]));
      const stories = await es.mget<Story>({ index: STORIES_INDEX_NAME, ids: storyIds, _source: ['volume'] });
      return stories.docs.map((doc) => ({ id: doc._id, volume: 'found' in doc && doc.found ? doc._source?.volume : undefined, items: items.get(doc._id) }));
    };
    // The story documents follow their items by a batch.
    const settled = await eventually(async () => {
      const all = await volumes();
      return all.every((s) => s.volume === s.items) ? all : undefined;
    }, 60_000, 'every story of the run with volume = its items').catch(async (error: Error) => {
      const wrong = (await volumes()).filter((s) => s.volume !== s.items).slice(0, 5);
      throw new Error(`${error.message}: ${JSON.stringify(wrong)}`);
    });
    expect(settled.every((s) => s.volume === s.items)).toBe(true);
  };

  it('SIGKILL of the stream in the middle of a 20,000-item run, then a restart: every accepted item indexed once, every story counting its items', async () => {
    const author = `fault-kill-${randomUUID().slice(0, 8)}`;
    stream = StreamProcess.start();
    const posting = postRun(author);
    await eventually(async () => ((await indexedOf(author)) >= 2_000 ? true : undefined), 180_000, `the first items of ${author} indexed (${stream.state})`);
    await stream.kill();
    // Killed in the middle: part of the run is indexed, the rest waits in Kafka.
    const atKill = await indexedOf(author);
    expect(atKill).toBeGreaterThanOrEqual(2_000);
    expect(atKill).toBeLessThan(ITEMS);
    stream = StreamProcess.start();
    const accepted = await posting;
    expect(accepted).toHaveLength(ITEMS);
    await expectIndexedOnce(author, accepted);
    await expectStoriesCountTheirItems(author, accepted.length);
    expect(stream.state).toBe('running');
  }, 900_000);

  it('Elasticsearch stopped for 60 s in the middle of a 20,000-item run: the stream waits and catches up, every accepted item indexed once', async () => {
    const author = `fault-es-${randomUUID().slice(0, 8)}`;
    stream ??= StreamProcess.start();
    const posting = postRun(author);
    await eventually(async () => ((await indexedOf(author)) >= 2_000 ? true : undefined), 180_000, `the first items of ${author} indexed (${stream.state})`);
    await elasticsearch('down');
    const downAt = Date.now();
    // Intake goes on taking items into Kafka meanwhile (or answers 503, retried by the client).
    await new Promise((r) => setTimeout(r, Math.max(0, 60_000 - (Date.now() - downAt))));
    expect(stream.state).toBe('running');
    await elasticsearch('up');
    const accepted = await posting;
    expect(accepted).toHaveLength(ITEMS);
    await expectIndexedOnce(author, accepted);
    await expectStoriesCountTheirItems(author, accepted.length);
    expect(stream.state).toBe('running');
  }, 900_000);
});
