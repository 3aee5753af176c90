#!/usr/bin/env node
// Alert latency (R-PERF-2): from the HTTP accept of a matching item at intake to `alerts:new` at
// a Socket.IO client, while the simulator pushes other traffic through the same pipeline. The
// baseline, taken in the same run for the same items, is the pipeline's own live path: accept
// to `items:indexed` at the same client (enrich + index + push, without the alert stages).
//
//   bash deploy/local/stack.sh up && npx tsc -b tsconfig.build.json   (and no `liaowang up` running)
//   node bench/alert-latency.js [--alerts 250] [--rate 500] [--interval-ms 100]
//
// The stream, the API and the intake service run as their own processes, as `liaowang up` runs
// them; the simulator in the intake process produces --rate items/s of background traffic.
'use strict';
const { spawn } = require('node:child_process');
const { randomUUID } = require('node:crypto');
const path = require('node:path');
const { io } = require('socket.io-client');
const { LIVE_NAMESPACE } = require('@liaowang/contract');
const { localEnvironment } = require('@liaowang/platform');

const root = path.resolve(__dirname, '..');
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const ALERTS = option('alerts', 250);
const RATE = option('rate', 500);
const INTERVAL_MS = option('interval-ms', 100);
const API_PORT = 3921;
const INTAKE_PORT = 3922;
const api = `http://127.0.0.1:${API_PORT}`;
const intake = `http://127.0.0.1:${INTAKE_PORT}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The checkout's local secrets, as `liaowang up` and the tests use them: the seed users the API
// creates persist in Elasticsearch, so a made-up password would lock the local run out.
const local = localEnvironment(path.join(process.env.LIAOWANG_DATA_DIR ?? path.join(root, '.data'), 'local.env'));
const env = {
  ...process.env,
  ...local,
  LOG_LEVEL: 'warn',
  API_PORT: String(API_PORT),
  INTAKE_PORT: String(INTAKE_PORT),
  STREAM_METRICS_PORT: '0',
  ALERT_RULES_RELOAD_SECONDS: '1',
};

const children = [];
function startProcess(entry, extraEnv = {}) {
  const child = spawn(process.execPath, [path.join(root, entry)], { env: { ...env, ...extraEnv }, stdio: ['ignore', 'ignore', 'inherit'] });
  const exit = new Promise((resolve) => child.once('exit', resolve));
  const entryOf = { child, exit, stopping: false };
  void exit.then((code) => {
    if (!entryOf.stopping) {
      console.error(`${entry} exited unexpectedly (code ${code})`);
      process.exit(1);
    }
  });
  children.push(entryOf);
}

async function stopAll() {
  for (const entry of children.reverse()) {
    entry.stopping = true;
    entry.child.kill('SIGTERM');
    await entry.exit;
  }
}

async function waitFor(url, what) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`${what} did not become ready`);
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), max: sorted.at(-1) };
}

async function main() {
  startProcess('pipelines/stream/dist/main.js');
  startProcess('services/api/dist/main.js');
  startProcess('services/intake/dist/main.js', { SIMULATOR_RATE: String(RATE) });
  await waitFor(`${api}/health/ready`, 'the API');
  await waitFor(`${intake}/health/ready`, 'intake');

  const login = await fetch(`${api}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'duty', password: env.SEED_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`sign-in: ${login.status} ${await login.text()}`);
  const { token } = await login.json();
  const marker = `基准${randomUUID().slice(0, 8)}`;
  // repeatMinutes 0: every match raises its own alert, so each item is one measurement.
  const rule = await fetch(`${api}/api/v1/alert-rules`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ name: `延迟基准 ${marker}`, severity: 'high', repeatMinutes: 0, match: { keywords: marker } }),
  });
  if (rule.status !== 201) throw new Error(`rule: ${rule.status} ${await rule.text()}`);

  const accepted = new Map(); // item id → ms when intake answered 202
  const alertAt = new Map();
  // Where the time goes, from the alert's own stamps: matchedAt (evaluator) and updatedAt (recorder).
  const stages = { evaluated: [], recorded: [], delivered: [] };
  const indexedAt = new Map();
  const socket = io(`${api}${LIVE_NAMESPACE}`, { auth: { token }, transports: ['websocket'] });
  socket.on('alerts:new', (alert) => {
    const now = Date.now();
    for (const item of alert.items) {
      if (!accepted.has(item.id) || alertAt.has(item.id)) continue;
      alertAt.set(item.id, now);
      stages.evaluated.push(Date.parse(alert.firstAt) - accepted.get(item.id));
      stages.recorded.push(Date.parse(alert.updatedAt) - Date.parse(alert.firstAt));
      stages.delivered.push(now - Date.parse(alert.updatedAt));
    }
  });
  socket.on('items:indexed', (items) => {
    for (const item of items) if (accepted.has(item.id) && !indexedAt.has(item.id)) indexedAt.set(item.id, Date.now());
  });
  await new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  // Let the rule book load the new rule and the background traffic settle in.
  await sleep(5_000);

  const post = async (n) => {
    const response = await fetch(`${intake}/api/v1/intake/mentions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-intake-key': env.INTAKE_API_KEYS.split(',')[0] },
      body: JSON.stringify({
        platform: 'weibo',
        author: { id: `bench-${n}`, name: '基准测试' },
        text: `网传明天全市停水三天，${marker} 第 ${n} 条`,
        publishedAt: new Date().toISOString(),
      }),
    });
    if (response.status !== 202) throw new Error(`intake: ${response.status}`);
    accepted.set((await response.json()).id, Date.now());
  };
  // A warm-up item, not measured: the first alert pays for cold caches.
  await post(0);
  await sleep(3_000);
  accepted.clear();

  console.log(`posting ${ALERTS} matching items, one every ${INTERVAL_MS} ms, beside ${RATE} simulated items/s…`);
  for (let n = 1; n <= ALERTS; n++) {
    await post(n);
    await sleep(INTERVAL_MS);
  }
  const deadline = Date.now() + 30_000;
  while ((alertAt.size < accepted.size || indexedAt.size < accepted.size) && Date.now() < deadline) await sleep(250);

  const latencies = (arrivals) => [...accepted].filter(([id]) => arrivals.has(id)).map(([id, at]) => arrivals.get(id) - at);
  const alerts = summary(latencies(alertAt));
  const indexed = summary(latencies(indexedAt));
  socket.close();
  await stopAll();

  console.log('');
  console.log('| path (HTTP 202 at intake → event at the client) | received | p50 ms | p90 ms | p99 ms | max ms |');
  console.log('|---|---|---|---|---|---|');
  console.log(`| alerts:new (alert stages) | ${alerts.n}/${accepted.size} | ${alerts.p50} | ${alerts.p90} | ${alerts.p99} | ${alerts.max} |`);
  console.log(`| items:indexed (baseline: enrich + index + push) | ${indexed.n}/${accepted.size} | ${indexed.p50} | ${indexed.p90} | ${indexed.p99} | ${indexed.max} |`);
  console.log('');
  console.log('| alert stage (p50 / p99 ms) | p50 | p99 |');
  console.log('|---|---|---|');
  for (const [name, what] of [
    ['evaluated', '202 → matched by the evaluator (raw topic, enricher, enriched topic, rules)'],
    ['recorded', 'matched → grouped by the recorder (triggers topic)'],
    ['delivered', 'grouped → alerts:new at the client (index write + refresh, alerts topic, API push)'],
  ]) {
    const s = summary(stages[name]);
    console.log(`| ${what} | ${s.p50} | ${s.p99} |`);
  }
  const bar = alerts.n === accepted.size && alerts.p50 <= 300 && alerts.p99 <= 1500;
  console.log(`\nbar p50 ≤ 300 ms, p99 ≤ 1,500 ms, every alert received: ${bar ? 'met' : 'NOT met'}`);
}

main().catch(async (error) => {
  console.error(error);
  await stopAll();
  process.exit(1);
});
