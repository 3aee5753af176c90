#!/usr/bin/env node
// Cost of the one-document rule (R-ENR-7) on the bulk path, on the real local Elasticsearch: the
// indexer's lookup of a batch's ids in the items alias before its bulk write, against the bulk
// write itself, over an alias already holding N documents. Half of each batch are re-sends of
// stored ids, half are new, as a rough worst case (a live stream re-sends far fewer).
//
//   bash deploy/local/stack.sh up && npx tsc -b tsconfig.build.json
//   node bench/item-homes-lookup.js [--stored 200000] [--batch 500] [--batches 60]
'use strict';
const { itemsEnrichedTopic, itemsIndex, toItemDocument } = require('@liaowang/contract');
const { createElasticsearchClient, ensureIndex, ensureIndexTemplate } = require('@liaowang/platform');
const { storedHomes } = require('../pipelines/stream/dist/item-homes');

const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const STORED = option('stored', 200_000);
const BATCH = option('batch', 500);
const BATCHES = option('batches', 60);
// A month no other run writes to; deleted at the end.
const INDEX = 'liaowang-items-2000.02';
const PUBLISHED = '2000-02-10T04:00:00.000Z';

const es = createElasticsearchClient(process.env.ES_URL ?? 'http://127.0.0.1:9200');
const doc = (id) => toItemDocument({ ...itemsEnrichedTopic.example, id, publishedAt: PUBLISHED });
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

async function main() {
  await ensureIndexTemplate(es, itemsIndex);
  await es.indices.delete({ index: INDEX }, { ignore: [404] });
  await ensureIndex(es, INDEX);
  for (let from = 0; from < STORED; from += 2_000) {
    const ids = Array.from({ length: Math.min(2_000, STORED - from) }, (_, i) => `bench-homes-${from + i}`);
    await es.bulk({ operations: ids.flatMap((id) => [{ index: { _index: INDEX, _id: id } }, doc(id)]) });
  }
  await es.indices.refresh({ index: INDEX });
  const lookups = [];
  const bulks = [];
  for (let b = 0; b < BATCHES; b++) {
    const ids = Array.from({ length: BATCH }, (_, i) => (i % 2 === 0 ? `bench-homes-${(b * BATCH + i) % STORED}` : `bench-homes-new-${b}-${i}`));
    let start = process.hrtime.bigint();
    await storedHomes(es, ids);
    lookups.push(ms(start));
    start = process.hrtime.bigint();
    await es.bulk({ operations: ids.flatMap((id) => [{ index: { _index: INDEX, _id: id } }, doc(id)]) });
    bulks.push(ms(start));
  }
  const p50 = (v) => percentile(v, 50).toFixed(1);
  const p95 = (v) => percentile(v, 95).toFixed(1);
  console.log(`alias holding ${STORED} documents, ${BATCHES} batches of ${BATCH} (half stored ids, half new)`);
  console.log(`lookup (ids search, no source): p50 ${p50(lookups)} ms, p95 ${p95(lookups)} ms`);
  console.log(`bulk write of the batch:        p50 ${p50(bulks)} ms, p95 ${p95(bulks)} ms`);
  console.log(`lookup / bulk at p50: ${((100 * percentile(lookups, 50)) / percentile(bulks, 50)).toFixed(0)}%`);
  await es.indices.delete({ index: INDEX });
  await es.close();
}

main().catch(async (error) => {
  console.error(error);
  await es.indices.delete({ index: INDEX }, { ignore: [404] }).catch(() => undefined);
  process.exitCode = 1;
});
