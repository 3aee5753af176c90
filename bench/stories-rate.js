#!/usr/bin/env node
// Items/s through the stories stage (R-ENR-6) on the real local Kafka and Elasticsearch, beside
// the indexer's rate on the same items in the same run (both read a backlog; the machine is noisy).
//
//   bash deploy/local/stack.sh up && npx tsc -b tsconfig.build.json   (and no `liaowang up` running)
//   node bench/stories-rate.js [--items 40000]
//
// The simulator's items are written to the raw topic; the enricher drains them; then the indexer
// drains the enriched topic alone (timed: the baseline), then the stories stage drains the indexed
// topic alone (timed). Each stage is its own process, as `liaowang up` runs them.
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');
const { Kafka, logLevel } = require('kafkajs');
const { ALL_TOPICS, itemsEnrichedTopic, itemsIndexedTopic, mentionsRawTopic, rawItemFor } = require('@liaowang/contract');
const { createLogger, KafkaPort } = require('@liaowang/platform');
const { committedLag } = require('./support/consumer-lag');
const { MentionGenerator } = require('@liaowang/intake');

const root = path.resolve(__dirname, '..');
const at = process.argv.indexOf('--items');
const ITEMS = at > 0 ? Number(process.argv[at + 1]) : 40_000;
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const env = { ...process.env, AUTH_TOKEN_SECRET: 'bench-'.repeat(8), LOG_LEVEL: 'warn', STREAM_METRICS_PORT: '0' };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const STAGES = {
  enricher: ['liaowang-enricher', mentionsRawTopic.name],
  indexer: ['liaowang-indexer', itemsEnrichedTopic.name],
  stories: ['liaowang-stories', itemsIndexedTopic.name],
};

function start(stage) {
  const child = spawn(process.execPath, [path.join(root, 'pipelines/stream/dist/main.js'), stage], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const exit = new Promise((resolve) => child.once('exit', resolve));
  return async () => {
    child.kill('SIGTERM');
    await exit;
  };
}

/** Runs a stage until its group has committed to the end of its topic: seconds taken, start-up included. */
async function drain(admin, stage) {
  const started = Date.now();
  const stop = start(stage);
  await sleep(500);
  while ((await committedLag(admin, [STAGES[stage]])) > 0) await sleep(250);
  await stop();
  return (Date.now() - started) / 1000;
}

async function main() {
  const port = new KafkaPort(brokers, 'liaowang-bench', createLogger('bench', 'warn'));
  await port.ensureTopics(ALL_TOPICS);
  const admin = new Kafka({ brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  console.log('draining any earlier backlog…');
  for (const stage of Object.keys(STAGES)) if ((await committedLag(admin, [STAGES[stage]])) > 0) await drain(admin, stage);

  const generator = new MentionGenerator(20261201, `stories${Date.now().toString(36)}`);
  const now = new Date();
  for (let sent = 0; sent < ITEMS; sent += 1_000) {
    const batch = Array.from({ length: Math.min(1_000, ITEMS - sent) }, () => {
      const mention = generator.generate(now);
      const item = rawItemFor(mention, mention, now);
      return { key: item.threadId, value: item };
    });
    await port.send(mentionsRawTopic, batch);
  }
  console.log(`${ITEMS} items written; enriching…`);
  await drain(admin, 'enricher');
  const indexSeconds = await drain(admin, 'indexer');
  console.log(`indexer (baseline): ${ITEMS} items in ${indexSeconds.toFixed(1)} s = ${Math.round(ITEMS / indexSeconds)} items/s`);
  const storySeconds = await drain(admin, 'stories');
  console.log(`stories stage: ${ITEMS} items in ${storySeconds.toFixed(1)} s = ${Math.round(ITEMS / storySeconds)} items/s (${Math.round((100 * indexSeconds) / storySeconds)}% of the indexer's rate)`);
  await admin.disconnect();
  await port.disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
