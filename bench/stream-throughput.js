#!/usr/bin/env node
// End-to-end throughput of the stream (R-PERF-1) on the real local Kafka and Elasticsearch,
// with a raw Elasticsearch bulk-index rate of the same enriched documents taken in the same
// run as the baseline.
//
//   bash deploy/local/stack.sh up && npx tsc -b tsconfig.build.json   (and no `liaowang up` running)
//   node bench/stream-throughput.js [--backlog 60000] [--rate 2000] [--seconds 30]
//
// Phase 1 (capacity): the simulator's items are written to the raw topic as a backlog while no
// stage runs; then the stream process starts and the time to drain the backlog into
// Elasticsearch gives items/s. Phase 2 (sustained): the intake service runs its simulator at
// --rate for --seconds while the stream runs; consumer lag is sampled every second.
// Phase 3 (baseline): documents indexed in phase 1 are bulk-indexed again into a scratch index
// with the same mapping, straight from this process.
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');
const { Kafka, logLevel } = require('kafkajs');
const { mentionsRawTopic: itemsRawTopic, itemsEnrichedTopic, itemsIndex, ALL_TOPICS, rawItemFor } = require('@liaowang/contract');
const { createElasticsearchClient, createLogger, KafkaPort } = require('@liaowang/platform');
const { MentionGenerator } = require('@liaowang/intake');

const root = path.resolve(__dirname, '..');
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const BACKLOG = option('backlog', 60_000);
const RATE = option('rate', 2_000);
const SECONDS = option('seconds', 30);
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const esUrl = process.env.ES_URL ?? 'http://127.0.0.1:9200';
const GROUPS = [
  ['liaowang-enricher', itemsRawTopic.name],
  ['liaowang-indexer', itemsEnrichedTopic.name],
];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const env = {
  ...process.env,
  AUTH_TOKEN_SECRET: 'bench-'.repeat(8),
  LOG_LEVEL: 'warn',
  INTAKE_PORT: '3911',
  // Not the default ports, so a local run of the system does not collide with the bench.
  STREAM_METRICS_PORT: '0',
};

function startProcess(entry, extraEnv = {}) {
  const child = spawn(process.execPath, [path.join(root, entry)], { env: { ...env, ...extraEnv }, stdio: ['ignore', 'ignore', 'inherit'] });
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
    stop: async () => {
      stopping = true;
      if (!exited) child.kill('SIGTERM');
      await exit;
    },
  };
}

async function lag(admin) {
  let total = 0;
  for (const [groupId, topic] of GROUPS) {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    for (const end of ends) {
      const c = committed?.partitions.find((p) => p.partition === end.partition);
      const at = c && Number(c.offset) >= 0 ? Number(c.offset) : 0;
      total += Number(end.high) - at;
    }
  }
  return total;
}

async function waitForLagZero(admin, onSample) {
  for (;;) {
    const current = await lag(admin);
    onSample?.(current);
    if (current === 0) return;
    await sleep(250);
  }
}

async function main() {
  const logger = createLogger('bench', 'warn');
  const port = new KafkaPort(brokers, 'liaowang-bench', logger);
  await port.ensureTopics(ALL_TOPICS);
  const admin = new Kafka({ brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  const es = createElasticsearchClient(esUrl);

  // Start from a drained pipeline, so only this run's items are measured.
  console.log('draining any earlier backlog…');
  let stream = startProcess('pipelines/stream/dist/main.js');
  await sleep(3_000);
  await waitForLagZero(admin);
  await stream.stop();

  // Phase 1: capacity.
  const generator = new MentionGenerator(20261123, `bench${Date.now().toString(36)}`);
  const now = new Date();
  console.log(`writing a backlog of ${BACKLOG} items to ${itemsRawTopic.name}…`);
  const t0 = Date.now();
  for (let sent = 0; sent < BACKLOG; sent += 1_000) {
    const batch = [];
    for (let i = 0; i < Math.min(1_000, BACKLOG - sent); i++) {
      const mention = generator.generate(now);
      const item = rawItemFor(mention, mention, now);
      batch.push({ key: item.threadId, value: item });
    }
    await port.send(itemsRawTopic, batch);
  }
  const produceSeconds = (Date.now() - t0) / 1000;
  console.log(`  produced in ${produceSeconds.toFixed(1)} s (${Math.round(BACKLOG / produceSeconds)} items/s into Kafka)`);

  const t1 = Date.now();
  stream = startProcess('pipelines/stream/dist/main.js');
  await waitForLagZero(admin);
  const drainSeconds = (Date.now() - t1) / 1000;
  const capacity = BACKLOG / drainSeconds;
  console.log(`  stream drained it (enriched + indexed + committed) in ${drainSeconds.toFixed(1)} s, including process start: ${Math.round(capacity)} items/s`);

  // Phase 2: sustained, with the simulator as the source.
  console.log(`simulator at ${RATE}/s for ${SECONDS} s with the stream running…`);
  const rawBefore = (await admin.fetchTopicOffsets(itemsRawTopic.name)).reduce((s, p) => s + Number(p.high), 0);
  const intake = startProcess('services/intake/dist/main.js', { SIMULATOR_RATE: String(RATE) });
  const lags = [];
  const t2 = Date.now();
  while (Date.now() - t2 < SECONDS * 1000) {
    await sleep(1_000);
    lags.push(await lag(admin));
  }
  await intake.stop();
  const stoppedAt = Date.now();
  await waitForLagZero(admin);
  const catchUp = (Date.now() - stoppedAt) / 1000;
  const produced = (await admin.fetchTopicOffsets(itemsRawTopic.name)).reduce((s, p) => s + Number(p.high), 0) - rawBefore;
  lags.sort((a, b) => a - b);
  const p50 = lags[Math.floor(lags.length / 2)];
  const max = lags[lags.length - 1];
  console.log(`  simulator produced ${produced} items (${Math.round(produced / SECONDS)}/s); lag p50 ${p50}, max ${max} messages; caught up ${catchUp.toFixed(1)} s after it stopped`);
  await stream.stop();

  // Phase 3: baseline, raw bulk indexing of the same documents from this process.
  const docs = [];
  let page = await es.search({ index: itemsIndex.alias, size: 5_000, sort: [{ receivedAt: 'desc' }, { id: 'asc' }], query: { match_all: {} } });
  while (docs.length < 20_000 && page.hits.hits.length > 0) {
    docs.push(...page.hits.hits.map((h) => h._source));
    page = await es.search({ index: itemsIndex.alias, size: 5_000, sort: [{ receivedAt: 'desc' }, { id: 'asc' }], search_after: page.hits.hits.at(-1).sort, query: { match_all: {} } });
  }
  const scratch = `liaowang-bench-baseline-${Date.now()}`;
  await es.indices.create({ index: scratch, settings: itemsIndex.settings, mappings: itemsIndex.mappings });
  const t3 = Date.now();
  for (let i = 0; i < docs.length; i += 500) {
    const operations = docs.slice(i, i + 500).flatMap((d) => [{ index: { _index: scratch, _id: d.id } }, d]);
    const r = await es.bulk({ operations });
    if (r.errors) throw new Error('baseline bulk had errors');
  }
  const baseline = docs.length / ((Date.now() - t3) / 1000);
  await es.indices.delete({ index: scratch });
  console.log(`baseline: raw bulk of ${docs.length} enriched documents: ${Math.round(baseline)} docs/s`);
  console.log(`\nstream capacity ${Math.round(capacity)} items/s = ${Math.round((100 * capacity) / baseline)}% of the raw bulk rate`);

  await admin.disconnect();
  await port.disconnect();
  await es.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
