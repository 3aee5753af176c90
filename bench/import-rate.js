#!/usr/bin/env node
// Bulk import rate (issue 11: import ≥ 20,000 lines/s and ≥ 50 % of the raw produce rate) on the
// real local Kafka and Elasticsearch, with the raw Kafka produce rate of the same messages taken
// in the same run as the baseline.
//
//   bash deploy/local/stack.sh up && npx tsc -b tsconfig.build.json   (a stack of its own: the
//   imported items stay on the mention raw topic)
//   node bench/import-rate.js [--lines 200000]
//
// A JSONL file of --lines mentions from the simulator's generator (unique ids each run) is
// written first. Phase 1 (baseline): the items the import would produce from it are sent by a
// plain kafkajs producer to a scratch topic with the raw topic's partitions, in batches of the
// import's size with acks=all, one batch in flight, as the import does. Phase 2: the real command
// `liaowang import FILE` as a child process, timed from its start to its exit (process start,
// connecting, encoding check, stored-id queries to Elasticsearch and all), its resident memory
// sampled from /proc. No stream runs, so nothing is indexed and every line is new to the import.
'use strict';
const { spawn } = require('node:child_process');
const { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } = require('node:fs');
const { once } = require('node:events');
const os = require('node:os');
const path = require('node:path');
const { Kafka, logLevel, Partitioners } = require('kafkajs');
const { mentionsRawTopic, rawItemFor, validateItemIntake } = require('@liaowang/contract');
const { MentionGenerator } = require('@liaowang/intake');
const { chunkBySize } = require('@liaowang/platform/dist/kafka/chunk-by-size');

const root = path.resolve(__dirname, '..');
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const LINES = option('lines', 200_000);
// Rounds of (raw, import), alternated: on a shared machine one round can catch a busy moment.
const ROUNDS = option('rounds', 3);
// The import's batch (cli/src/import/importer.ts IMPORT_BATCH_SIZE), sent as KafkaPort does:
// in requests of at most 512 KiB, one after the other.
const BATCH = 2_000;
const MAX_REQUEST_BYTES = 512 * 1024;
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const esUrl = process.env.ES_URL ?? 'http://127.0.0.1:9200';

async function writeFile(file, seed) {
  const generator = new MentionGenerator(seed);
  const out = createWriteStream(file);
  for (let i = 0; i < LINES; i++) {
    // Mentions only: the generator's comments and reports lack the post and account their schemas ask for.
    const line = `${JSON.stringify({ ...generator.generate(), kind: 'mention' })}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

// The messages the import produces for the file: validated, identified and keyed the same way.
async function messagesOf(file) {
  const { createInterface } = require('node:readline');
  const { createReadStream } = require('node:fs');
  const messages = [];
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    const payload = JSON.parse(line);
    const valid = validateItemIntake('mention', payload);
    if (!valid.ok) throw new Error(`generated line invalid: ${JSON.stringify(valid.errors)}`);
    const item = rawItemFor(valid.item, payload);
    messages.push({ key: item.threadId, value: JSON.stringify(item) });
  }
  return messages;
}

async function rawProduceRate(messages) {
  const kafka = new Kafka({ clientId: 'bench-import-raw', brokers, logLevel: logLevel.ERROR });
  const admin = kafka.admin();
  await admin.connect();
  const topic = `bench.import-rate.${Date.now()}`;
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: mentionsRawTopic.partitions, replicationFactor: -1, configEntries: [{ name: 'max.message.bytes', value: String(4 * 1024 * 1024) }] }] });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const started = process.hrtime.bigint();
  for (let i = 0; i < messages.length; i += BATCH) {
    for (const request of chunkBySize(messages.slice(i, i + BATCH), MAX_REQUEST_BYTES)) await producer.send({ topic, acks: -1, messages: request });
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await producer.disconnect();
  await admin.deleteTopics({ topics: [topic] });
  await admin.disconnect();
  return messages.length / seconds;
}

function timedImport(file) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [path.join(root, 'cli', 'bin', 'liaowang.js'), 'import', file], {
      env: { ...process.env, KAFKA_BROKERS: brokers.join(','), ES_URL: esUrl },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    let maxRssKb = 0;
    // Linux: the peak resident set of the import, sampled (bounded memory whatever the file size).
    const sampler = setInterval(() => {
      try {
        const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (rss) maxRssKb = Math.max(maxRssKb, Number(rss[1]));
      } catch {
        // gone already, or not Linux
      }
    }, 200);
    child.stdout.on('data', (d) => (stdout += d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) return reject(new Error(`liaowang import exited ${code}: ${stdout}`));
      resolve({ seconds, summary: stdout.trim(), maxRssMb: maxRssKb / 1024 });
    });
  });
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'import-rate-'));
  const file = path.join(dir, 'mentions.jsonl');
  try {
    const rounds = [];
    for (let round = 1; round <= ROUNDS; round++) {
      // A new seed each round: new ids, so no line is a duplicate of an earlier round's.
      await writeFile(file, Date.now());
      if (round === 1) console.log(`file: ${LINES} lines, ${(statSync(file).size / 1e6).toFixed(1)} MB (${os.cpus().length} cores, node ${process.version}, load average ${os.loadavg()[0].toFixed(1)})`);
      const messages = await messagesOf(file);
      const raw = await rawProduceRate(messages);
      const run = await timedImport(file);
      const rate = LINES / run.seconds;
      rounds.push({ raw, rate });
      console.log(
        `round ${round}: raw kafkajs produce of the same ${messages.length} messages (batches of ${BATCH} in requests of ≤ 512 KiB, acks=all) ${Math.round(raw)} msgs/s; ` +
          `liaowang import ${run.summary} in ${run.seconds.toFixed(1)} s = ${Math.round(rate)} lines/s, ${Math.round((100 * rate) / raw)} % of raw; peak RSS ${Math.round(run.maxRssMb)} MB`,
      );
    }
    const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const rate = median(rounds.map((r) => r.rate));
    const raw = median(rounds.map((r) => r.raw));
    console.log(`median of ${ROUNDS}: import ${Math.round(rate)} lines/s, raw ${Math.round(raw)} msgs/s (${Math.round((100 * rate) / raw)} %)`);
    const met = rate >= 20_000 && rate >= raw / 2;
    console.log(`bar (≥ 20,000 lines/s and ≥ 50 % of raw): ${met ? 'met' : 'NOT met'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
