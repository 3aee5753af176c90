import { itemsIndex, STORIES_INDEX_NAME, type ItemBatchAccepted, type Story, type ValidMentionIntake } from '@liaowang/contract';
import { MentionGenerator } from '@liaowang/intake';
import { createElasticsearchClient } from '@liaowang/platform';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './support/free-port';
import { StreamProcess } from './support/stream-process';
import { eventually, startTestSystem, type TestSystem } from './support/test-system';

const run = promisify(execFile);
const ITEMS = 20_000;
const BATCH = 500;

/** The stream's processes as `liaowang up` and compose run them. */
const PROCESSES = {
  enricher: ['enricher'],
  indexer: ['indexer'],
  stream: ['alert-evaluator', 'alert-recorder', 'stories', 'spikes'],
} as const;
type ProcessName = keyof typeof PROCESSES;

/**
 * Issue 10's fault test (R-REL-1, R-REL-2) on the real Kafka and Elasticsearch: the stream's
 * stages run in their own processes while 20,000 items come in through intake; once each process
 * is SIGKILLed in the middle of the run and started again, once Elasticsearch is stopped for 60 s.
 * Afterwards every item that got a 202 is indexed exactly once, and every story of the run counts
 * exactly its items. And an indexer started while Elasticsearch is down waits for it.
 */
describe('the pipeline through a SIGKILL and an Elasticsearch outage', () => {
  let system: TestSystem;
  const processes = new Map<ProcessName, StreamProcess>();
  const start = (name: ProcessName) => processes.set(name, StreamProcess.start([...PROCESSES[name]]));
  const states = () => [...processes].map(([name, p]) => `${name} ${p.state}`).join('; ');
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
    for (const p of processes.values()) await p.stop();
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

  const untilIndexed = (author: string, count: number) =>
    eventually(async () => ((await indexedOf(author)) >= count ? true : undefined), 180_000, `${count} items of ${author} indexed (${states()})`);

  /** Every accepted item is in the items alias exactly once, and nothing else of the run is. */
  const expectIndexedOnce = async (author: string, accepted: string[]) => {
    expect(new Set(accepted).size).toBe(accepted.length);
    await eventually(async () => ((await indexedOf(author)) >= accepted.length ? true : undefined), 300_000, `${accepted.length} items of ${author} indexed (${states()})`);
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

  /** The end of a run: every item accepted, each indexed once, the stories right, and no process died on the way. */
  const expectRunComplete = async (author: string, accepted: string[]) => {
    expect(accepted).toHaveLength(ITEMS);
    await expectIndexedOnce(author, accepted);
    await expectStoriesCountTheirItems(author, accepted.length);
    expect(states()).not.toContain('exited');
  };

  it('SIGKILL of the enricher, the indexer and the later stages, each in the middle of a 20,000-item run, then a restart: every accepted item indexed once, every story counting its items', async () => {
    const author = `fault-kill-${randomUUID().slice(0, 8)}`;
    for (const name of Object.keys(PROCESSES) as ProcessName[]) start(name);
    const posting = postRun(author);
    // Each process killed at its own point of the run: part of it indexed, the rest waiting in Kafka.
    const killAt: [ProcessName, number][] = [['enricher', 2_000], ['indexer', 6_000], ['stream', 10_000]];
    for (const [name, indexed] of killAt) {
      await untilIndexed(author, indexed);
      await processes.get(name)!.kill();
      expect(await indexedOf(author)).toBeLessThan(ITEMS);
      start(name);
    }
    await expectRunComplete(author, await posting);
  }, 900_000);

  it('Elasticsearch stopped for 60 s in the middle of a 20,000-item run: the stages wait and catch up, every accepted item indexed once', async () => {
    const author = `fault-es-${randomUUID().slice(0, 8)}`;
    for (const name of Object.keys(PROCESSES) as ProcessName[]) if (!processes.has(name)) start(name);
    const posting = postRun(author);
    await untilIndexed(author, 2_000);
    await elasticsearch('down');
    const downAt = Date.now();
    // Intake goes on taking items into Kafka meanwhile (or answers 503, retried by the client).
    await new Promise((r) => setTimeout(r, Math.max(0, 60_000 - (Date.now() - downAt))));
    expect(states()).not.toContain('exited');
    await elasticsearch('up');
    await expectRunComplete(author, await posting);
  }, 900_000);

  it('an indexer started while Elasticsearch is down waits for it instead of exiting, and indexes once it is back', async () => {
    for (const p of processes.values()) await p.stop();
    processes.clear();
    await elasticsearch('down');
    const metricsPort = await freePort();
    const indexer = StreamProcess.start(['indexer'], { STREAM_METRICS_PORT: String(metricsPort), LOG_LEVEL: 'info' });
    processes.set('indexer', indexer);
    start('enricher');
    await new Promise((r) => setTimeout(r, 15_000));
    expect(indexer.state).toBe('running');
    expect(indexer.output).toContain('Elasticsearch not reachable at start; waiting');
    await elasticsearch('up');
    await eventually(async () => ((await fetch(`http://127.0.0.1:${metricsPort}/health/ready`)).ok ? true : undefined), 120_000, `the indexer ready (${states()})`);
    const author = `fault-late-${randomUUID().slice(0, 8)}`;
    const response = await fetch(`${system.intakeUrl}/api/v1/intake/mentions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-intake-key': system.intakeKey },
      body: JSON.stringify({ sourceId: randomUUID(), platform: 'weibo', author: { id: author, name: '迟到' }, text: '索引进程等到搜索服务恢复后开始工作', publishedAt: new Date().toISOString() }),
    });
    expect(response.status).toBe(202);
    await eventually(async () => ((await indexedOf(author)) === 1 ? true : undefined), 60_000, 'the item indexed');
  }, 600_000);
});
