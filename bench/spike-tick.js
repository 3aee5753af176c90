#!/usr/bin/env node
// Cost of one judgement of the spike detector (issue 10 part 2) on the real local Elasticsearch:
// the counting request of a window (negative volume, K watched keywords, S stories, each over
// the window, the same time on 7 days and the last hour) and the story candidates' request,
// over N items spread across 8 days of a month no other run uses.
//
//   bash deploy/local/stack.sh up && npx tsc -b tsconfig.build.json
//   node bench/spike-tick.js [--items 200000] [--keywords 50] [--stories 200] [--runs 30]
'use strict';
const { randomUUID } = require('node:crypto');
const { itemsIndex, itemsIndexFor } = require('@liaowang/contract');
const { createElasticsearchClient, ensureIndexTemplate } = require('@liaowang/platform');
const { SpikeCountsRepository, keywordSeries, NEGATIVE_SERIES } = require('../pipelines/stream/dist/spikes/spike-counts.repository');
const windows = require('../pipelines/stream/dist/spikes/spike-windows');

const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const ITEMS = option('items', 200_000);
const KEYWORDS = option('keywords', 50);
const STORIES = option('stories', 200);
const RUNS = option('runs', 30);
const DAY = 24 * 3600_000;
const es = createElasticsearchClient(process.env.ES_URL ?? 'http://127.0.0.1:9200');

// Words in the fictional city's posts, each a watched keyword.
const WORDS = Array.from({ length: KEYWORDS }, (_, i) => `词${String.fromCharCode(0x4e00 + i * 37)}${String.fromCharCode(0x4e00 + i * 53 + 11)}`);

async function main() {
  await ensureIndexTemplate(es, itemsIndex);
  // A moment in a month of 2024 of this run's own: 8 days of history before it.
  const at = Date.parse(`2024-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}-20T06:07:00Z`);
  const start = at - 8 * DAY;
  const run = randomUUID().slice(0, 8);
  const t0 = Date.now();
  for (let done = 0; done < ITEMS; ) {
    const operations = [];
    for (let i = 0; i < 5_000 && done < ITEMS; i++, done++) {
      const publishedAt = new Date(start + Math.floor(Math.random() * (at - start))).toISOString();
      const id = `bench-spike-${run}-${done}`;
      operations.push({ index: { _index: itemsIndexFor(publishedAt), _id: id } }, {
        id,
        kind: 'mention',
        platform: 'weibo',
        text: `${WORDS[done % WORDS.length]}，今天的事情大家怎么看`,
        publishedAt,
        sentiment: { label: done % 3 === 0 ? 'negative' : 'neutral', score: 0.8 },
        storyId: `st-bench-${run}-${done % STORIES}`,
      });
    }
    const response = await es.bulk({ operations });
    if (response.errors) throw new Error(JSON.stringify(response.items.find((x) => x.index?.error)));
  }
  await es.indices.refresh({ index: itemsIndex.alias });
  const indexSeconds = (Date.now() - t0) / 1000;

  const counts = new SpikeCountsRepository(es);
  const stories = Array.from({ length: STORIES }, (_, i) => ({ kind: 'story', key: `st-bench-${run}-${i}`, label: '', filter: { term: { storyId: `st-bench-${run}-${i}` } } }));
  const series = [NEGATIVE_SERIES, ...WORDS.map(keywordSeries), ...stories];
  const judged = windows.judgedWindows(at);
  const timings = { counts: [], candidates: [] };
  for (let r = 0; r < RUNS; r++) {
    for (const window of judged) {
      const { seasonal, recent } = windows.historyOf(window);
      let t = process.hrtime.bigint();
      await counts.storiesAtLeast(window, 1);
      timings.candidates.push(Number(process.hrtime.bigint() - t) / 1e6);
      t = process.hrtime.bigint();
      await counts.counts(series, [window, ...seasonal, ...recent]);
      timings.counts.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  const pct = (list, p) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor((p / 100) * list.length))].toFixed(1);
  console.log(`${ITEMS} items over 8 days indexed in ${indexSeconds.toFixed(1)} s; ${series.length} series (negative, ${KEYWORDS} keywords, ${STORIES} stories) × 14 windows`);
  for (const [name, list] of Object.entries(timings)) console.log(`${name}: p50 ${pct(list, 50)} ms, p95 ${pct(list, 95)} ms, max ${pct(list, 100)} ms (${list.length} requests)`);
  console.log(`one tick (2 windows, each both requests) at p50: ${(2 * (Number(pct(timings.counts, 50)) + Number(pct(timings.candidates, 50)))).toFixed(0)} ms`);
  await es.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
