#!/usr/bin/env node
// Search latency at a million items (issue 10: full text + facets p95 ≤ 150 ms; story list and
// chart aggregations p95 ≤ 300 ms), over HTTP against the real API, with the same query bodies
// sent straight to Elasticsearch in the same run as the baseline (what the API adds is visible).
//
//   bash deploy/local/stack.sh up && npx tsc -b tsconfig.build.json   (a stack of its own: the
//   items stay in its index; no `liaowang up` running)
//   node bench/search-latency.js [--items 1000000] [--days 30] [--requests 200] [--warmup 20]
//        [--stories-minutes M] [--index-only | --reuse]
//
// Phase 1 (index): --items posts of the simulator's generators (the everyday background, with
// an incident of one of the named scenarios every few days), published over the last --days
// days in the day's rhythm of Beijing time, are written to the mention raw topic; then the real
// pipeline runs as `liaowang up` runs it (enricher, indexer, and the stage process with alerts,
// stories and spikes) until every consumer group has committed up to its topic's end. With
// --reuse this phase is skipped when the items alias already holds --items documents; with
// --index-only the run ends after it. The stories stage is the slowest: --stories-minutes bounds
// how long it may go on once every item is indexed (the count of items given a story is printed).
// Phase 2 (query): the API runs as its own process; a duty officer signs in (the widest search:
// masked and raw text). Each kind of query is --requests distinct requests built from the data
// (phrases cut from indexed posts, facet values and stories that exist, time ranges at random
// minutes), one at a time after --warmup others. The baseline sends each request's exact
// Elasticsearch body, got from the API's own services with a recording client, to
// Elasticsearch from this process. The shard request cache is cleared before each pass; half
// the requests go first to the API, half first to Elasticsearch.
'use strict';
const { spawn } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');
const { Kafka, logLevel } = require('kafkajs');
const contract = require('@liaowang/contract');
const { createElasticsearchClient, createLogger, KafkaPort, localEnvironment } = require('@liaowang/platform');
const { committedLag } = require('./support/consumer-lag');
const { MentionGenerator, ScenarioGenerator } = require('@liaowang/intake');
const { dayCurve } = require('@liaowang/intake/dist/simulator/scenarios');
const { ItemSearchService } = require('@liaowang/api/dist/items/item-search.service');
const { StatsService } = require('@liaowang/api/dist/search/stats.service');
const { StoryRepository } = require('@liaowang/api/dist/stories/story.repository');

const { mentionsRawTopic, ALL_ITEMS_RAW_TOPICS, itemsEnrichedTopic, itemsIndexedTopic, itemsIndex, storiesIndex, ALL_TOPICS, rawItemFor } = contract;

const root = path.resolve(__dirname, '..');
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const ITEMS = option('items', 1_000_000);
const DAYS = option('days', 30);
const REQUESTS = option('requests', 200);
const WARMUP = option('warmup', 20);
const REUSE = process.argv.includes('--reuse');
// How long the stories stage may go on after every item is indexed (default: until it is done).
const STORIES_MINUTES = option('stories-minutes', Infinity);
const API_PORT = 3931;
const api = `http://127.0.0.1:${API_PORT}`;
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const esUrl = process.env.ES_URL ?? 'http://127.0.0.1:9200';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const SCENARIO_NAMES = ['rumor-outbreak', 'impostor-account', 'policy-backlash'];
// The consumer groups of the pipeline and what they read: done when all are at the topic ends.
const INDEXING_GROUPS = [
  ...ALL_ITEMS_RAW_TOPICS.map((t) => ['liaowang-enricher', t.name]),
  ['liaowang-indexer', itemsEnrichedTopic.name],
  ['liaowang-alert-evaluator', itemsEnrichedTopic.name],
];
const STORIES_GROUPS = [['liaowang-stories', itemsIndexedTopic.name]];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const local = localEnvironment(path.join(process.env.LIAOWANG_DATA_DIR ?? path.join(root, '.data'), 'local.env'));
const env = { ...process.env, ...local, LOG_LEVEL: 'warn', API_PORT: String(API_PORT), STREAM_METRICS_PORT: '0' };

// Seeded: a run draws the same requests from the same data.
let seed = 20261201;
function random() {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
}
const pick = (list) => list[Math.floor(random() * list.length)];

const children = [];
function startProcess(entry, args = []) {
  const child = spawn(process.execPath, [path.join(root, entry), ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const record = { child, stopping: false, exit: new Promise((resolve) => child.once('exit', resolve)) };
  void record.exit.then((code) => {
    if (!record.stopping) {
      console.error(`${entry} ${args.join(' ')} exited unexpectedly (code ${code})`);
      process.exit(1);
    }
  });
  children.push(record);
  return record;
}
async function stopAll() {
  for (const record of children.splice(0).reverse()) {
    record.stopping = true;
    record.child.kill('SIGTERM');
    await record.exit;
  }
}
// The pipeline as `liaowang up` runs it (cli/src/local/services.ts).
const startPipeline = () => [
  startProcess('pipelines/stream/dist/main.js', ['enricher']),
  startProcess('pipelines/stream/dist/main.js', ['indexer']),
  startProcess('pipelines/stream/dist/main.js', ['alert-evaluator', 'alert-recorder', 'stories', 'spikes']),
];

async function indexedCount(es) {
  await es.indices.refresh({ index: itemsIndex.alias, ignore_unavailable: true, allow_no_indices: true });
  return (await es.count({ index: itemsIndex.alias, ignore_unavailable: true, allow_no_indices: true })).count;
}

// Incidents every few days, each for a few hours after its onset in the working day.
function incidentsOver(start, end) {
  const incidents = [];
  for (let day = start + DAY, n = 0; day < end - DAY / 4; day += 3 * DAY, n++) {
    const onset = day - (day % DAY) + (1 + Math.floor(random() * 10)) * 60 * MINUTE; // 09:00–18:00 Beijing
    const scenario = SCENARIO_NAMES[n % SCENARIO_NAMES.length];
    incidents.push({ from: onset, to: onset + 3 * 60 * MINUTE, generator: new ScenarioGenerator(scenario, new Date(onset), 7_000 + n, `bench-${scenario}-${start.toString(36)}-${n}`) });
  }
  return incidents;
}

async function writeBacklog(port) {
  const end = Math.floor(Date.now() / MINUTE) * MINUTE;
  const start = end - DAYS * DAY;
  const background = new MentionGenerator(20261201, `bench-search-${start.toString(36)}`);
  const incidents = incidentsOver(start, end);
  const incidentAt = (minute) => incidents.find((i) => minute >= i.from && minute < i.to);
  // Posts a minute follow the day's curve and the incidents' growth, scaled to ITEMS in all.
  const weight = (minute) => dayCurve(new Date(minute)) * (1 + (incidentAt(minute)?.generator.shareAt(new Date(minute)) ?? 0));
  let totalWeight = 0;
  for (let m = start; m < end; m += MINUTE) totalWeight += weight(m);
  const perWeight = ITEMS / totalWeight;
  let sent = 0;
  let carry = 0;
  let batch = [];
  const flush = async () => {
    if (batch.length) await port.send(mentionsRawTopic, batch);
    batch = [];
  };
  for (let m = start; m < end && sent < ITEMS; m += MINUTE) {
    carry += weight(m) * perWeight;
    if (m + MINUTE >= end) carry = ITEMS - sent; // the rounding remainder, in the last minute
    const generator = incidentAt(m)?.generator ?? background;
    for (; carry >= 1 && sent < ITEMS; carry--, sent++) {
      const at = new Date(m + MINUTE - 1);
      const post = { ...generator.generate(at), publishedAt: new Date(m + Math.floor(random() * MINUTE)).toISOString() };
      // Received a few seconds to two minutes after publication, as a connector would.
      const receivedAt = new Date(Date.parse(post.publishedAt) + 2_000 + Math.floor(random() * 118_000));
      const item = rawItemFor(post, post, receivedAt > Date.now() ? new Date() : receivedAt);
      batch.push({ key: item.threadId, value: item });
      if (batch.length === 1_000) await flush();
    }
  }
  await flush();
  return { sent, incidents: incidents.length };
}

async function indexPhase(es) {
  const logger = createLogger('bench', 'warn');
  const port = new KafkaPort(brokers, 'liaowang-bench', logger);
  await port.ensureTopics(ALL_TOPICS);
  const admin = new Kafka({ brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  const before = await indexedCount(es);
  console.log(`index holds ${before} items; writing ${ITEMS} simulated items over the last ${DAYS} days to ${mentionsRawTopic.name}…`);
  const t0 = Date.now();
  const { sent, incidents } = await writeBacklog(port);
  console.log(`  ${sent} items (${incidents} incidents) written in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  await port.disconnect();
  const t1 = Date.now();
  startPipeline();
  let last = { at: t1, count: before };
  let indexedAfter;
  for (;;) {
    await sleep(10_000);
    const indexing = await committedLag(admin, INDEXING_GROUPS);
    const stories = await committedLag(admin, STORIES_GROUPS);
    const count = (await es.count({ index: itemsIndex.alias, ignore_unavailable: true, allow_no_indices: true })).count;
    const now = Date.now();
    console.log(`  ${((now - t1) / 1000).toFixed(0)} s: ${count} indexed (${Math.round(((count - last.count) * 1000) / (now - last.at))}/s), lag ${indexing} messages to enrich/index/evaluate, ${stories} to the stories stage; load ${os.loadavg()[0].toFixed(1)}`);
    last = { at: now, count };
    if (indexing === 0 && indexedAfter === undefined) {
      indexedAfter = (now - t1) / 1000;
      console.log(`  every item enriched, indexed and committed after ${indexedAfter.toFixed(0)} s (${Math.round(sent / indexedAfter)} items/s)`);
    }
    if (indexing === 0 && (stories === 0 || (now - t1) / 1000 - indexedAfter > STORIES_MINUTES * 60)) break;
  }
  const seconds = (Date.now() - t1) / 1000;
  await stopAll();
  const storiesLag = await committedLag(admin, STORIES_GROUPS);
  await admin.disconnect();
  const after = await indexedCount(es);
  const withStory = (await es.count({ index: itemsIndex.alias, query: { exists: { field: 'storyId' } } })).count;
  console.log(`pipeline stopped after ${seconds.toFixed(0)} s; index holds ${after} items, ${withStory} of them with their story; ${storiesLag} items not yet through the stories stage`);
}

// The Elasticsearch request each API call makes, from the API's own services.
function recorder() {
  let captured;
  const client = {
    search: async (params) => {
      captured = params;
      return { hits: { total: { value: 0 }, hits: [] }, aggregations: {} };
    },
  };
  return { client, take: () => captured };
}
const recorded = recorder();
const services = {
  items: new ItemSearchService(recorded.client),
  stats: new StatsService(recorded.client),
  stories: new StoryRepository(recorded.client),
};
// Query-string values as Express hands them to the controllers: one value a string, several an array.
const asQuery = (params) => Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) && v.length === 1 ? v[0] : Array.isArray(v) ? v : String(v)]));
const parse = (schema, params) => schema.parse(asQuery(params));
async function esBodyOf(kind, params) {
  const matchRawText = true; // the duty officer's search
  if (kind.startsWith('items')) await services.items.search(parse(contract.itemSearchQuerySchema, params), { matchRawText });
  else if (kind === 'stories') await services.stories.list(parse(contract.storyListQuerySchema, params));
  else if (kind === 'stats/volume') await services.stats.volume(parse(contract.statsQuerySchema, params), { matchRawText });
  else if (kind === 'stats/sentiment') await services.stats.sentiment(parse(contract.statsQuerySchema, params), { matchRawText });
  else if (kind === 'stats/hot-words') await services.stats.hotWords(parse(contract.hotWordsQuerySchema, params), { matchRawText });
  return recorded.take();
}
const ROUTES = { stories: '/api/v1/stories', 'stats/volume': '/api/v1/stats/volume', 'stats/sentiment': '/api/v1/stats/sentiment', 'stats/hot-words': '/api/v1/stats/hot-words' };
const routeOf = (kind) => ROUTES[kind] ?? '/api/v1/items';
function urlOf(kind, params) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const value of [v].flat()) search.append(k, String(value));
  return `${api}${routeOf(kind)}?${search}`;
}

// What the requests are drawn from: phrases of indexed posts, facet values and stories present.
async function vocabulary(es) {
  const sample = await es.search({
    index: itemsIndex.alias,
    size: 500,
    _source: ['masked'],
    query: { function_score: { query: { match_all: {} }, random_score: { seed: 10, field: '_seq_no' } } },
  });
  const phrases = new Set();
  for (const hit of sample.hits.hits) {
    for (const run of hit._source.masked.match(/[\u4e00-\u9fff]{2,}/g) ?? []) {
      const length = Math.min(run.length, 2 + Math.floor(random() * 3));
      const at = Math.floor(random() * (run.length - length + 1));
      phrases.add(run.slice(at, at + length));
    }
  }
  const terms = (field) => ({ terms: { field, size: 30 } });
  const aggs = await es.search({
    index: itemsIndex.alias,
    size: 0,
    aggregations: { platform: terms('platform'), sentiment: terms('sentiment.label'), kind: terms('kind'), region: terms('region'), province: terms('place.province'), category: terms('categories'), author: terms('author.name') },
  });
  const facets = Object.fromEntries(Object.entries(aggs.aggregations).map(([k, a]) => [k, a.buckets.map((b) => b.key)]));
  const stories = await es.search({ index: storiesIndex.alias, size: 100, sort: [{ volume: 'desc' }], _source: ['id', 'title'] });
  const range = await es.search({ index: itemsIndex.alias, size: 0, aggregations: { min: { min: { field: 'publishedAt' } }, max: { max: { field: 'publishedAt' } } } });
  return {
    phrases: [...phrases],
    facets,
    stories: stories.hits.hits.map((h) => ({ id: h._id, title: h._source.title })),
    from: range.aggregations.min.value,
    to: range.aggregations.max.value,
  };
}

// One request of each kind: its query parameters, different each call.
function makers(v) {
  const iso = (ms) => new Date(ms).toISOString();
  const minute = (ms) => Math.floor(ms / MINUTE) * MINUTE;
  // A window ending at a random minute of the last days (or now), `span` long.
  const windowOf = (span) => {
    const to = minute(v.to - Math.floor(random() * Math.max(1, Math.min(v.to - v.from - span, 3 * DAY))));
    return { from: iso(to - span), to: iso(to) };
  };
  const twoFilters = () => {
    const names = ['platform', 'sentiment', 'kind', 'region', 'province', 'category'].filter((f) => v.facets[f]?.length);
    const first = pick(names);
    const second = pick(names.filter((n) => n !== first));
    return { [first]: [pick(v.facets[first])], [second]: [pick(v.facets[second]), pick(v.facets[second])].filter((x, i, a) => a.indexOf(x) === i) };
  };
  const phrase = () => pick(v.phrases);
  const boolean = () => {
    const [a, b, c] = [phrase(), phrase(), phrase()];
    return pick([`${a} ${b}`, `${a} AND ${b}`, `${a} OR ${b}`, `${a} NOT ${b}`, `(${a} OR ${b}) NOT ${c}`, `"${a}" -${b}`]);
  };
  return {
    // The search box: a phrase, two filters, facet counts, highlight; newest first or by relevance, half with a time range.
    'items: phrase + 2 filters + facets': () => ({ q: phrase(), ...twoFilters(), ...(random() < 0.5 ? windowOf(pick([1, 7, 30]) * DAY) : {}), ...(random() < 0.3 ? { sort: 'relevance' } : {}) }),
    // AND / OR / NOT of phrases, two filters, facets, highlight.
    'items: AND/OR/NOT + 2 filters + facets': () => ({ q: boolean(), ...twoFilters(), ...(random() < 0.5 ? windowOf(7 * DAY) : {}) }),
    // The list without words: a time range, two filters, facets (the dashboard's default view).
    'items: time range + 2 filters + facets': () => ({ ...windowOf(pick([1, 7, 30]) * DAY), ...twoFilters(), ...(random() < 0.3 ? { sort: 'risk' } : {}) }),
    stories: () => ({ sort: pick(['velocity', 'volume', 'risk']), ...(random() < 0.5 ? { q: pick(v.stories)?.title.match(/[\u4e00-\u9fff]{2,4}/)?.[0] ?? phrase() } : {}), size: pick([20, 50]) }),
    'stats/volume': () => ({ ...pick([() => ({ ...windowOf(DAY), interval: '10m' }), () => ({ ...windowOf(7 * DAY), interval: 'hour' }), () => ({ ...windowOf(30 * DAY), interval: 'day' })])(), ...(random() < 0.5 ? { q: phrase() } : {}), ...(random() < 0.5 ? { platform: [pick(v.facets.platform)] } : {}) }),
    'stats/sentiment': () => ({ ...pick([() => ({ ...windowOf(DAY), interval: '30m' }), () => ({ ...windowOf(7 * DAY), interval: 'hour' }), () => ({ ...windowOf(30 * DAY), interval: 'day' })])(), ...(random() < 0.5 ? { q: phrase() } : {}), ...(random() < 0.5 ? { region: [pick(v.facets.region)] } : {}) }),
    'stats/hot-words': () => {
      const w = windowOf(pick([1, 6, 24]) * 60 * MINUTE);
      return { since: w.from, until: w.to, ...(random() < 0.3 && v.stories.length ? { storyId: pick(v.stories).id } : {}) };
    },
  };
}

// Deep pages: the next pages of a search, through its cursor (each page is one request).
async function deepPageRequests(make, token, count) {
  const chains = [];
  while (chains.flat().length < count) {
    const params = make();
    const chain = [];
    let response = await getJson(urlOf('items', params), token);
    for (let page = 2; page <= 11 && response.cursor && chain.length < count; page++) {
      // As the dashboard's "load more": the next page by its cursor, without facet counts again.
      const next = { ...params, cursor: response.cursor, facets: 'false' };
      chain.push(next);
      response = await getJson(urlOf('items', next), token);
    }
    chains.push(chain);
  }
  return chains.flat().slice(0, count);
}

async function getJson(url, token) {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
};
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

async function measure(kind, requests, warmups, token, es) {
  const route = kind.startsWith('items') ? 'items' : kind;
  const bodyOf = new Map();
  for (const params of [...warmups, ...requests]) bodyOf.set(params, await esBodyOf(route, params));
  const apiTimes = [];
  const esTimes = [];
  const tooks = [];
  let results = 0;
  const viaApi = async (list, timed) => {
    for (const params of list) {
      const t0 = process.hrtime.bigint();
      const body = await getJson(urlOf(route, params), token);
      if (timed) apiTimes.push(ms(t0));
      if (timed) results += body.total ?? body.stories?.length ?? body.buckets?.length ?? body.words?.length ?? 0;
    }
  };
  const direct = async (list, timed) => {
    for (const params of list) {
      const t0 = process.hrtime.bigint();
      const response = await es.search(bodyOf.get(params));
      if (timed) esTimes.push(ms(t0));
      if (timed) tooks.push(response.took);
    }
  };
  // Each pass starts with an empty shard request cache, so no request is answered from the
  // cache of its twin in the other pass; the two halves run in opposite orders, so neither side
  // always finds the other's pages and filters in the caches.
  const half = Math.ceil(requests.length / 2);
  for (const [first, second, list] of [[viaApi, direct, requests.slice(0, half)], [direct, viaApi, requests.slice(half)]]) {
    for (const pass of [first, second]) {
      await es.indices.clearCache({ index: itemsIndex.alias, request: true });
      await es.indices.clearCache({ index: storiesIndex.alias, request: true });
      await pass(warmups, false);
      await pass(list, true);
    }
  }
  return { kind, api: stats(apiTimes), es: stats(esTimes), took: stats(tooks), n: requests.length, meanResult: Math.round(results / requests.length) };
}

async function queryPhase(es) {
  startProcess('services/api/dist/main.js');
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${api}/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 240) throw new Error('the API did not become ready');
    await sleep(500);
  }
  const login = await fetch(`${api}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'duty', password: env.SEED_PASSWORD }) });
  if (login.status !== 200) throw new Error(`sign-in: ${login.status} ${await login.text()}`);
  const { token } = await login.json();

  const v = await vocabulary(es);
  console.log(`\nquerying ${await indexedCount(es)} items, ${v.stories.length}+ stories, ${v.phrases.length} phrases, published ${new Date(v.from).toISOString()} – ${new Date(v.to).toISOString()}; ${REQUESTS} requests of each kind after ${WARMUP} warm-up, one at a time`);
  const make = makers(v);
  const kinds = Object.keys(make);
  const results = [];
  const times = (n, f) => Array.from({ length: n }, f);
  for (const kind of kinds.slice(0, 3)) results.push(await measure(kind, times(REQUESTS, make[kind]), times(WARMUP, make[kind]), token, es));
  const deep = await deepPageRequests(make['items: phrase + 2 filters + facets'], token, REQUESTS + WARMUP);
  results.push(await measure('items: next pages (search_after cursor, pages 2–11)', deep.slice(WARMUP), deep.slice(0, WARMUP), token, es));
  for (const kind of kinds.slice(3)) results.push(await measure(kind, times(REQUESTS, make[kind]), times(WARMUP, make[kind]), token, es));

  const bar = (kind) => (kind.startsWith('items') ? 150 : 300);
  console.log(`\nms per request, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, ${os.cpus().length} cores, node ${process.version}`);
  console.log('| query | API p50 | API p95 | API p99 | ES p50 | ES p95 | ES p99 | ES took p95 | mean hits/rows | bar p95 | verdict |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  const f = (x) => x.toFixed(1);
  for (const r of results) {
    console.log(`| ${r.kind} | ${f(r.api.p50)} | **${f(r.api.p95)}** | ${f(r.api.p99)} | ${f(r.es.p50)} | ${f(r.es.p95)} | ${f(r.es.p99)} | ${r.took.p95} | ${r.meanResult} | ≤ ${bar(r.kind)} | ${r.api.p95 <= bar(r.kind) ? 'met' : 'NOT met'} |`);
  }
  await stopAll();
}

async function main() {
  const es = createElasticsearchClient(esUrl);
  try {
    const have = await indexedCount(es).catch(() => 0);
    if (REUSE && have >= ITEMS) console.log(`--reuse: the index holds ${have} items (≥ ${ITEMS}), not indexing`);
    else await indexPhase(es);
    if (!process.argv.includes('--index-only')) await queryPhase(es);
  } finally {
    await stopAll();
    await es.close();
  }
}

main().catch(async (error) => {
  console.error(error);
  await stopAll();
  process.exit(1);
});
