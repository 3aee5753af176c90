#!/usr/bin/env node
// Enrichment cost per item (R-PERF-3: ≤ 150 µs on one core for a typical 80-character post),
// broken down by stage, with a baseline measured in the same run because shared machines are
// noisy. Single thread, median of several rounds.
//
//   npx tsc -b tsconfig.build.json && node bench/enrich-cost.js [--rounds 21] [--items 1000]
//     [--posts file.jsonl]   real posts instead of the built-in ones ({"text": …} per line;
//                            those of 60-100 characters are used)
//
// Each stage is timed alone (its own loop, fresh inputs prepared outside the timed loop), then
// the whole enricher. The total is more than the sum of the stages: run together they evict
// each other's model weights and dictionaries from the CPU caches and share the GC; that
// difference is shown as its own line rather than smeared over the stages.
//
// Reads the built package (pipelines/nlp/dist), so build first.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const nlp = require('@liaowang/nlp');

// Typical posts of about 80 characters: comments, mentions, a repost, traditional script,
// emoji, a link, personal data. The numbers are made up (they pass the checks on purpose).
const POSTS = [
  '网传明天上午城区将全面停水，请大家提前储水，消息来源不明，有没有人知道是真是假？紧急扩散！@城市水务 能不能出来回应一下，大家都很着急，在线等消息',
  '今天去政务服务中心办社保，工作人员态度很好，十分钟就办完了，效率真高，点赞👍👍希望一直保持下去，给你们打五星好评，也推荐大家提前在网上预约办理',
  '小区门口的路灯坏了半个月了，晚上特别黑，老人孩子出门很不安全，打了12345也没人管，联系电话13812345678，请有关部门尽快派人处理一下，谢谢',
  '轉發微博//@張三:聽說市一中有學生食物中毒，已經送醫院了，家長們都很擔心，學校到現在還沒有任何說明，希望官方盡快通報情況，不要讓謠言亂傳，謝謝大家關心',
  '【通知】本周六上午九点在文化广场举办志愿服务活动，欢迎市民踊跃参加，报名请发邮件至volunteer@example.org 详情见 https://t.cn/A6abcdEf',
  '兼职刷单日赚300，在家就能做，宝妈学生都可以，加微信了解详情，名额有限先到先得，不收任何费用，每天只需要两个小时😊😊有意者速来私信，长期有效',
  '快递员把我的包裹放在驿站三天了都没通知，地址写的是浙江省杭州市西湖区文三路100号，打电话也不接，服务太差了😡😡必须投诉，太让人生气了，大家评评理',
  '今天的发布会上，区应急管理局通报了昨晚仓库火灾的处置情况，无人员伤亡，起火原因正在调查中，请广大市民勿相信和传播不实消息，以官方通报为准，谢谢',
];

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
}
const ROUNDS = Number(option('rounds', 21));
const ITEMS = Number(option('items', 1000));
const POSTS_FILE = option('posts', undefined);

function readPosts(file) {
  const texts = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l).text)
    .filter((t) => typeof t === 'string' && t.length >= 60 && t.length <= 100);
  if (texts.length === 0) throw new Error(`${file}: no posts of 60-100 characters`);
  return texts;
}
const posts = POSTS_FILE ? readPosts(POSTS_FILE) : POSTS;

let sink = 0;

/**
 * Median CPU µs per item of each case, and median wall-clock µs. A case is
 * [name, prepare(i), run(input)]: `prepare` builds a fresh input outside the timed loop.
 * Fresh inputs matter: V8 caches a string's hash in the string, so re-running a model over
 * the same token strings looks cheaper than it is. CPU time (user + system of this process)
 * leaves out the time other processes on a shared machine hold the core; wall-clock time is
 * shown too. Rounds are interleaved (case A, B, …, then A, B, … again) so a burst of load
 * hits all cases alike, the baseline included.
 */
function measureAll(cases) {
  const round = ([, prepare, run]) => {
    const inputs = Array.from({ length: ITEMS }, (_, i) => prepare(i));
    const cpu = process.cpuUsage();
    const wall = process.hrtime.bigint();
    for (let i = 0; i < ITEMS; i++) sink += run(inputs[i]) ? 1 : 0;
    const wallUs = Number(process.hrtime.bigint() - wall) / 1000;
    const used = process.cpuUsage(cpu);
    return { cpu: (used.user + used.system) / ITEMS, wall: wallUs / ITEMS };
  };
  cases.forEach(round); // warm-up: JIT, caches, lazy loading
  const samples = cases.map(() => []);
  for (let r = 0; r < ROUNDS; r++) cases.forEach((c, i) => samples[i].push(round(c)));
  // The sink keeps the work observable so the JIT cannot drop it.
  if (sink < 0) console.log(sink);
  const median = (list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)];
  return samples.map((list) => ({ cpu: median(list.map((x) => x.cpu)), wall: median(list.map((x) => x.wall)) }));
}

const post = (i) => posts[i % posts.length];
const line = (i) => JSON.stringify({ id: `item-${i}`, text: post(i) });
const normalized = (i) => nlp.normalizeText(post(i));
const analyzed = (i) => nlp.analyze(post(i));
const sentiment = nlp.loadSentimentModel();
const rumor = nlp.loadRumorModel();
const categories = nlp.createCategoryMatcher(nlp.loadTermLists([]), nlp.normalizeText);
const enricher = nlp.createEnricher({ termLists: nlp.loadTermLists([]) });

const STAGES = [
  ['normalise', post, (text) => nlp.normalizeText(text)],
  ['segment', normalized, (text) => nlp.segment(text)],
  ['sentiment', analyzed, (doc) => sentiment.predict(doc)],
  ['rumor', analyzed, (doc) => rumor.score(doc)],
  [
    'categories',
    (i) => {
      const doc = analyzed(i);
      return { normalized: doc.normalized, rumor: rumor.score(doc) };
    },
    (input) => categories.match(input.normalized, input.rumor),
  ],
  ['PII (detect + mask)', post, (text) => nlp.maskPii(text, nlp.detectPii(text))],
  ['fingerprint', normalized, (text) => nlp.fingerprint(text)],
];
const loadBefore = os.loadavg()[0];
const medians = measureAll([
  ['baseline', line, (l) => JSON.stringify(JSON.parse(l))],
  ['enrich', post, (text) => enricher.enrich(text)],
  ...STAGES,
]);
const [baseline, total, ...alone] = medians;
const sum = (key) => alone.reduce((n, x) => n + x[key], 0);

const meanLength = posts.reduce((n, p) => n + p.length, 0) / posts.length;
const us = (x) => x.toFixed(1);
console.log(
  `node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ` +
    `load average ${loadBefore.toFixed(1)} before / ${os.loadavg()[0].toFixed(1)} after`,
);
console.log(
  `${posts.length} ${POSTS_FILE ? 'posts from the given file' : 'built-in posts'}, mean ${meanLength.toFixed(0)} ` +
    `characters; median of ${ROUNDS} rounds × ${ITEMS} items\n`,
);
const row = (label, m) => console.log(`| ${label} | ${us(m.cpu)} | ${us(m.wall)} |`);
console.log('| stage | CPU µs/item | wall µs/item |');
console.log('|---|---:|---:|');
STAGES.forEach(([stage], s) => row(stage, alone[s]));
row('sum of the stages, each alone', { cpu: sum('cpu'), wall: sum('wall') });
row('stages run together: cache misses and GC they cause each other', {
  cpu: total.cpu - sum('cpu'),
  wall: total.wall - sum('wall'),
});
row('**total, `createEnricher().enrich`**', total);
row('baseline: `JSON.parse` + `JSON.stringify` of the item', baseline);
console.log(
  `\ntotal = ${(total.cpu / baseline.cpu).toFixed(0)} × baseline (CPU); ` +
    `target ≤ 150 µs (CPU): ${total.cpu <= 150 ? 'met' : 'NOT met'}`,
);
