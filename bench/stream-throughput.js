#!/usr/bin/env node
// Throughput of the pipeline (R-PERF-1, issue 10) on the real local Kafka and Elasticsearch, with
// the raw Elasticsearch bulk-index rate of the same enriched documents taken in the same run as
// the baseline (twice, after the first phase and at the end, as the machine is noisy).
//
//   bash deploy/local/stack.sh up && npx tsc -b tsconfig.build.json   (and no `liaowang up` running)
//   node bench/stream-throughput.js [--items 60000] [--backlog 60000] [--rate 2000] [--seconds 30] [--enrichers 1]
//
// The enricher and the indexer run as separate processes, as `liaowang up` and compose run them.
// Phase 1 (end to end): intake runs as its own process and this process pushes --items new
// mentions to its batch endpoint (500 a request, 4 clients); the clock runs from the first
// request to the moment both consumer groups have committed up to the end of their topics, so
// every item is accepted, produced, enriched, indexed and its offset committed.
// Phase 2 (capacity from a backlog): the simulator's items are written straight to the raw topic
// while no stage runs; then the stages start and drain it.
// Phase 3 (sustained): intake runs its simulator at --rate for --seconds; consumer lag is sampled
// every second.
// Baseline: 20,000 of the documents just indexed are bulk-indexed again, 500 a request, into a
// scratch index with the same mapping, straight from this process: after phase 1 and at the end.
// CPU: for phase 1 and the baseline, the CPU time of every process (the stages, intake, Kafka,
// Elasticsearch, this one) per item or document, from /proc (bench/support/cpu-ledger.js); the cores
// over phase 1's CPU per item are the most it can reach on this machine, whatever is tuned.
// BENCH_NODE_ARGS: flags for the processes this starts, e.g. "--cpu-prof --cpu-prof-dir=<dir>"
// for a profile of each stage (Node refuses --cpu-prof in NODE_OPTIONS).
'use strict';
const { spawn } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');
const { Kafka, logLevel } = require('kafkajs');
const { mentionsRawTopic: itemsRawTopic, ITEMS_RAW_TOPICS, itemsEnrichedTopic, itemsIndex, ALL_TOPICS, rawItemFor } = require('@liaowang/contract');
const { createElasticsearchClient, createLogger, KafkaPort } = require('@liaowang/platform');
const { committedLag } = require('./support/consumer-lag');
const { printLedger, stackPids, startLedger } = require('./support/cpu-ledger');
const { MentionGenerator } = require('@liaowang/intake');

const root = path.resolve(__dirname, '..');
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const ITEMS = option('items', 60_000);
const BACKLOG = option('backlog', 60_000);
const RATE = option('rate', 2_000);
const SECONDS = option('seconds', 30);
const ENRICHERS = option('enrichers', 1);
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const esUrl = process.env.ES_URL ?? 'http://127.0.0.1:9200';
// The simulator writes every kind of item, each to its own raw topic.
const RAW_TOPICS = Object.values(ITEMS_RAW_TOPICS).map((t) => t.name);
const GROUPS = [...RAW_TOPICS.map((topic) => ['liaowang-enricher', topic]), ['liaowang-indexer', itemsEnrichedTopic.name]];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const INTAKE_KEY = 'bench-intake-key-'.repeat(2);
const env = {
  ...process.env,
  AUTH_TOKEN_SECRET: 'bench-'.repeat(8),
  LOG_LEVEL: 'warn',
  INTAKE_PORT: '3911',
  INTAKE_API_KEYS: INTAKE_KEY,
  // Not the default ports, so a local run of the system does not collide with the bench.
  STREAM_METRICS_PORT: '0',
};

function startProcess(entry, extraEnv = {}, args = []) {
  const child = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : []), path.join(root, entry), ...args], { env: { ...env, ...extraEnv }, stdio: ['ignore', 'ignore', 'inherit'] });
  let exited = false;
  const exit = new Promise((resolve) => child.once('exit', (code) => ((exited = true), resolve(code))));
  // A stage that dies would leave the lag where it is: fail loudly instead of waiting forever.
  void exit.then((code) => {
    if (!stopping) {
      console.error(`${entry} exited unexpectedly (code ${code})`);
      process.exit(1);
    }
  });
  let stopping = false;
  return {
    pid: child.pid,
    stop: async () => {
      stopping = true;
      if (!exited) child.kill('SIGTERM');
      await exit;
    },
  };
}

// The enricher and the indexer as separate processes, as `liaowang up` and compose run them
// (--enrichers N: more enricher instances, which share the raw topic's partitions).
function startPipeline() {
  const enrichers = Array.from({ length: ENRICHERS }, () => startProcess('pipelines/stream/dist/main.js', {}, ['enricher']));
  const indexer = startProcess('pipelines/stream/dist/main.js', {}, ['indexer']);
  const processes = [...enrichers, indexer];
  return { pids: { enricher: enrichers.map((p) => p.pid), indexer: indexer.pid }, stop: () => Promise.all(processes.map((p) => p.stop())) };
}

async function waitForLagZero(admin, onSample) {
  for (;;) {
    const current = await committedLag(admin, GROUPS);
    onSample?.(current);
    if (current === 0) return;
    await sleep(250);
  }
}

const chunks = (list, size) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

async function waitForIntake() {
  for (let i = 0; i < 240; i++) {
    if (await fetch(`http://127.0.0.1:${env.INTAKE_PORT}/health/live`).then((r) => r.ok, () => false)) return;
    await sleep(250);
  }
  throw new Error('intake did not start');
}

/** Pushes mention payloads to intake's batch endpoint, 500 a request, 4 clients; every answer must be a 202. */
async function pushToIntake(payloads) {
  const requests = chunks(payloads, 500);
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < requests.length) {
        const items = requests[next++];
        const response = await fetch(`http://127.0.0.1:${env.INTAKE_PORT}/api/v1/intake/batch`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-intake-key': INTAKE_KEY },
          body: JSON.stringify({ kind: 'mention', items }),
        });
        await response.arrayBuffer();
        if (response.status !== 202) throw new Error(`intake batch: HTTP ${response.status}`);
      }
    }),
  );
}

/** Bulk-indexes up to 20,000 of the newest indexed documents again into a scratch index: docs/s, and the CPU each took. */
async function rawBulkRate(es) {
  const docs = [];
  const sort = [{ receivedAt: 'desc' }, { id: 'asc' }];
  let page = await es.search({ index: itemsIndex.alias, size: 5_000, sort, query: { match_all: {} } });
  while (docs.length < 20_000 && page.hits.hits.length > 0) {
    docs.push(...page.hits.hits.map((h) => h._source));
    page = await es.search({ index: itemsIndex.alias, size: 5_000, sort, search_after: page.hits.hits.at(-1).sort, query: { match_all: {} } });
  }
  const scratch = `liaowang-bench-baseline-${Date.now()}`;
  await es.indices.create({ index: scratch, settings: itemsIndex.settings, mappings: itemsIndex.mappings });
  const workBefore = await elasticsearchWork(es);
  const ledger = startLedger({ elasticsearch: stackPids(root).elasticsearch });
  const started = Date.now();
  for (let i = 0; i < docs.length; i += 500) {
    const operations = docs.slice(i, i + 500).flatMap((d) => [{ index: { _index: scratch, _id: d.id } }, d]);
    const r = await es.bulk({ operations });
    if (r.errors) throw new Error('baseline bulk had errors');
  }
  const rate = docs.length / ((Date.now() - started) / 1000);
  const spent = ledger.stop();
  const workAfter = await elasticsearchWork(es);
  await es.indices.delete({ index: scratch });
  console.log(`baseline: raw bulk of ${docs.length} enriched documents: ${Math.round(rate)} docs/s`);
  const cpuPerDoc = printLedger('raw bulk', spent, docs.length, 'document');
  printElasticsearchWork(workBefore, workAfter, docs.length, 'document');
  return { rate, cpuPerDoc };
}

/** Elasticsearch's own clock of where its time went (indexing, searches, refreshes, merges), summed over the node's indices. */
async function elasticsearchWork(es) {
  const stats = await es.nodes.stats({ metric: 'indices', index_metric: 'indexing,search,refresh,merge,flush' });
  const sum = { indexing: 0, searches: 0, refreshes: 0, merges: 0, flushes: 0, searchCount: 0 };
  for (const node of Object.values(stats.nodes)) {
    const i = node.indices;
    sum.indexing += i.indexing.index_time_in_millis;
    sum.searches += i.search.query_time_in_millis + i.search.fetch_time_in_millis;
    sum.searchCount += i.search.query_total;
    sum.refreshes += i.refresh.total_time_in_millis;
    sum.merges += i.merges.total_time_in_millis;
    sum.flushes += i.flush.total_time_in_millis;
  }
  return sum;
}

function printElasticsearchWork(before, after, units, unitName) {
  const per = (key) => `${Math.round(((after[key] - before[key]) * 1000) / units)} µs`;
  console.log(
    `    elasticsearch's own clock per ${unitName} (thread time, may overlap): indexing ${per('indexing')}, searches ${per('searches')} (${after.searchCount - before.searchCount} shard queries), ` +
      `refreshes ${per('refreshes')}, merges ${per('merges')}, flushes ${per('flushes')}`,
  );
}

const percentOf = (rate, baseline) => `${Math.round((100 * rate) / baseline)}%`;

async function main() {
  const logger = createLogger('bench', 'warn');
  const port = new KafkaPort(brokers, 'liaowang-bench', logger);
  await port.ensureTopics(ALL_TOPICS);
  const admin = new Kafka({ brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  const es = createElasticsearchClient(esUrl);
  const run = `bench${Date.now().toString(36)}`;

  // Start from a drained pipeline, so only this run's items are measured.
  console.log('draining any earlier backlog…');
  let stream = startPipeline();
  await sleep(3_000);
  await waitForLagZero(admin);
  await stream.stop();

  // Phase 1: end to end, intake → Kafka → enrich → index → committed.
  const generator = new MentionGenerator(20261201, `${run}e`);
  const payloads = Array.from({ length: ITEMS }, () => ({ ...generator.generate(), kind: 'mention' }));
  const intake = startProcess('services/intake/dist/main.js', { SIMULATOR_RATE: '0' });
  stream = startPipeline();
  await waitForIntake();
  await sleep(3_000); // the stages join their groups
  console.log(`pushing ${ITEMS} new mentions to intake (batches of 500, 4 clients) with the stages running…`);
  const workBefore = await elasticsearchWork(es);
  const t0 = Date.now();
  const ledger = startLedger({ intake: intake.pid, ...stream.pids, ...stackPids(root) });
  await pushToIntake(payloads);
  const acceptedSeconds = (Date.now() - t0) / 1000;
  await waitForLagZero(admin);
  const endToEndSeconds = (Date.now() - t0) / 1000;
  const endToEnd = ITEMS / endToEndSeconds;
  const endToEndSpent = ledger.stop();
  const workAfter = await elasticsearchWork(es);
  console.log(`  intake accepted them in ${acceptedSeconds.toFixed(1)} s (${Math.round(ITEMS / acceptedSeconds)} items/s); all enriched, indexed and committed after ${endToEndSeconds.toFixed(1)} s: ${Math.round(endToEnd)} items/s`);
  const endToEndCpu = printLedger('end to end', endToEndSpent, ITEMS, 'item');
  printElasticsearchWork(workBefore, workAfter, ITEMS, 'item');
  await Promise.all([stream.stop(), intake.stop()]);
  // The first baseline right after phase 1, of its documents (a fresh stack has none before it).
  const baselineFirst = await rawBulkRate(es);

  // Phase 2: capacity, draining a backlog written straight to the raw topic.
  const backlogGenerator = new MentionGenerator(20261123, `${run}b`);
  const now = new Date();
  console.log(`writing a backlog of ${BACKLOG} items to ${itemsRawTopic.name}…`);
  const t1 = Date.now();
  for (let sent = 0; sent < BACKLOG; sent += 1_000) {
    const batch = [];
    for (let i = 0; i < Math.min(1_000, BACKLOG - sent); i++) {
      const mention = backlogGenerator.generate(now);
      const item = rawItemFor(mention, mention, now);
      batch.push({ key: item.threadId, value: item });
    }
    await port.send(itemsRawTopic, batch);
  }
  const produceSeconds = (Date.now() - t1) / 1000;
  console.log(`  produced in ${produceSeconds.toFixed(1)} s (${Math.round(BACKLOG / produceSeconds)} items/s into Kafka)`);
  const t2 = Date.now();
  stream = startPipeline();
  await waitForLagZero(admin);
  const drainSeconds = (Date.now() - t2) / 1000;
  const capacity = BACKLOG / drainSeconds;
  console.log(`  the stages drained it (enriched + indexed + committed) in ${drainSeconds.toFixed(1)} s, process start included: ${Math.round(capacity)} items/s`);

  // Phase 3: sustained, with intake's simulator as the source.
  console.log(`simulator at ${RATE}/s for ${SECONDS} s with the stages running…`);
  const rawOffsets = async () => {
    let sum = 0;
    for (const topic of RAW_TOPICS) for (const p of await admin.fetchTopicOffsets(topic)) sum += Number(p.high);
    return sum;
  };
  const rawBefore = await rawOffsets();
  const simulator = startProcess('services/intake/dist/main.js', { SIMULATOR_RATE: String(RATE) });
  // The clock starts at the simulator's first item, so its process start is not counted as a slow rate.
  const bootStarted = Date.now();
  let rawAtStart = rawBefore;
  while ((rawAtStart = await rawOffsets()) === rawBefore) {
    if (Date.now() - bootStarted > 120_000) throw new Error('the simulator produced nothing in 2 minutes');
    await sleep(100);
  }
  const lags = [];
  const t3 = Date.now();
  while (Date.now() - t3 < SECONDS * 1000) {
    await sleep(1_000);
    lags.push(await committedLag(admin, GROUPS));
  }
  const produced = (await rawOffsets()) - rawAtStart;
  const producedSeconds = (Date.now() - t3) / 1000;
  await simulator.stop();
  const stoppedAt = Date.now();
  await waitForLagZero(admin);
  const catchUp = (Date.now() - stoppedAt) / 1000;
  lags.sort((a, b) => a - b);
  console.log(`  simulator started in ${((t3 - bootStarted) / 1000).toFixed(1)} s, then produced ${produced} items in ${producedSeconds.toFixed(1)} s (${Math.round(produced / producedSeconds)}/s, every kind); lag p50 ${lags[Math.floor(lags.length / 2)]}, max ${lags[lags.length - 1]} messages; caught up ${catchUp.toFixed(1)} s after it stopped`);
  await stream.stop();

  const baselineLast = await rawBulkRate(es);
  const baseline = (baselineFirst.rate + baselineLast.rate) / 2;
  const baselineCpu = (baselineFirst.cpuPerDoc + baselineLast.cpuPerDoc) / 2;
  console.log(`\nbaseline (mean of the two): ${Math.round(baseline)} docs/s`);
  console.log(`end to end (intake → committed): ${Math.round(endToEnd)} items/s = ${percentOf(endToEnd, baseline)} of the raw bulk rate`);
  console.log(`capacity from a backlog (raw topic → committed): ${Math.round(capacity)} items/s = ${percentOf(capacity, baseline)}`);
  // Phase 1 keeps every core busy (the ledger shows it), so its rate is at most the cores over the
  // CPU an item costs; the baseline, one bulk request at a time, need not. This is the ceiling the
  // processes' own cost puts on phase 1, whatever is tuned elsewhere.
  const cores = os.availableParallelism();
  const ceiling = cores / endToEndCpu;
  console.log(
    `CPU: ${Math.round(endToEndCpu * 1e6)} µs an item end to end (${Math.round(baselineCpu * 1e6)} µs a document in the raw bulk): ` +
      `on ${cores} cores end to end can reach at most ${Math.round(ceiling)} items/s = ${percentOf(ceiling, baseline)} of the raw bulk rate`,
  );

  await admin.disconnect();
  await port.disconnect();
  await es.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
