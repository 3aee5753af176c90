#!/usr/bin/env node
// Items/s through intake's HTTP push (one item per request, and the batch endpoint), beside the
// raw Kafka produce rate of the same items measured in the same run (R-ING-3, issue 11).
//
//   bash deploy/local/stack.sh up && npx tsc -b tsconfig.build.json   (and no `liaowang up` running)
//   node bench/intake-http.js [--single 20000] [--concurrency 32] [--batched 100000] [--batch 500]
//
// Intake runs as its own process, as in production; every answer must be a 202 (the bench
// fails otherwise). Each phase sends items never seen before, so none is a duplicate.
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');
const { ALL_TOPICS, mentionsRawTopic, rawItemFor } = require('@liaowang/contract');
const { createLogger, KafkaPort } = require('@liaowang/platform');
const { MentionGenerator } = require('@liaowang/intake');

const root = path.resolve(__dirname, '..');
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const SINGLE = option('single', 20_000);
const CONCURRENCY = option('concurrency', 32);
const BATCHED = option('batched', 100_000);
const BATCH = option('batch', 500);
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const PORT = 3912;
const KEY = 'bench-intake-key-'.repeat(2);
const url = (route) => `http://127.0.0.1:${PORT}/api/v1/intake/${route}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function startIntake() {
  const env = { ...process.env, AUTH_TOKEN_SECRET: 'bench-'.repeat(8), LOG_LEVEL: 'warn', INTAKE_PORT: String(PORT), INTAKE_API_KEYS: KEY, SIMULATOR_RATE: '0' };
  const child = spawn(process.execPath, [path.join(root, 'services/intake/dist/main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  return { stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))) };
}

async function waitForIntake() {
  for (let i = 0; i < 120; i++) {
    const ready = await fetch(`http://127.0.0.1:${PORT}/health/live`).then((r) => r.ok).catch(() => false);
    if (ready) return;
    await sleep(500);
  }
  throw new Error('intake did not start');
}

/** Mention payloads never sent before (a run id in each source id). */
function payloads(count, run) {
  const generator = new MentionGenerator(20261201, `${run}`);
  return Array.from({ length: count }, () => ({ ...generator.generate(), kind: 'mention' }));
}

async function post(route, body) {
  const response = await fetch(url(route), { method: 'POST', headers: { 'content-type': 'application/json', 'x-intake-key': KEY }, body: JSON.stringify(body) });
  await response.arrayBuffer();
  if (response.status !== 202) throw new Error(`${route}: HTTP ${response.status}`);
}

/** Runs `work` over the items with `concurrency` workers; answers items/s. */
async function timed(items, concurrency, work) {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const chunks = (list, size) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

async function main() {
  const port = new KafkaPort(brokers, 'liaowang-bench', createLogger('bench', 'warn'));
  await port.ensureTopics(ALL_TOPICS);
  const intake = startIntake();
  try {
    await waitForIntake();
    const run = `bench${Date.now().toString(36)}`;
    // Warm-up: connections, the producer, the JIT.
    await timed(payloads(500, `${run}w`), CONCURRENCY, (p) => post('mentions', p));

    const single = payloads(SINGLE, `${run}s`);
    const singleSeconds = await timed(single, CONCURRENCY, (p) => post('mentions', p));
    console.log(`HTTP, one item per request: ${SINGLE} items in ${singleSeconds.toFixed(1)} s = ${Math.round(SINGLE / singleSeconds)} items/s (${CONCURRENCY} keep-alive clients)`);

    const batched = payloads(BATCHED, `${run}b`);
    const batchSeconds = await timed(chunks(batched, BATCH), 4, (items) => post('batch', { kind: 'mention', items }));
    console.log(`HTTP, batches of ${BATCH}: ${BATCHED} items in ${batchSeconds.toFixed(1)} s = ${Math.round(BATCHED / batchSeconds)} items/s (4 clients)`);

    // Baseline: the same kind of items, already validated and identified, produced straight to Kafka.
    const raw = payloads(BATCHED, `${run}r`).map((p) => rawItemFor(p, p));
    const rawSeconds = await timed(chunks(raw, 2_000), 4, (items) => port.send(mentionsRawTopic, items.map((item) => ({ key: item.threadId, value: item }))));
    console.log(`raw Kafka produce (acks=all, 2,000 a send): ${BATCHED} items in ${rawSeconds.toFixed(1)} s = ${Math.round(BATCHED / rawSeconds)} items/s`);
    console.log(`HTTP batch / raw produce: ${Math.round((100 * rawSeconds) / batchSeconds)} %; one per request / raw produce: ${Math.round((100 * rawSeconds * SINGLE) / (singleSeconds * BATCHED))} %`);
  } finally {
    await intake.stop();
    await port.disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
