#!/usr/bin/env node
// Enrichment cost per item (R-PERF-3: ≤ 150 µs on one core for a typical 80-character post),
// broken down by stage, with a baseline measured in the same run because shared machines are
// noisy. Single thread, median of several rounds.
//
//   npx tsc -b tsconfig.build.json && node bench/enrich-cost.js [--rounds 9] [--items 4000]
//
// Reads the built package (pipelines/nlp/dist), so build first.
'use strict';
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
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}
const ROUNDS = option('rounds', 9);
const ITEMS = option('items', 4000);

let sink = 0;
function timeRound(run) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < ITEMS; i++) sink += run(i) ? 1 : 0;
  return Number(process.hrtime.bigint() - start) / 1000 / ITEMS;
}

/**
 * Median µs per item of each `run(i)`. Rounds are interleaved (stage A, B, …, then A, B, …
 * again) so a burst of load from other processes hits all stages alike, baseline included.
 */
function measureAll(stages) {
  for (const [, run] of stages) timeRound(run); // warm-up: JIT, caches, lazy loading
  const samples = stages.map(() => []);
  for (let r = 0; r < ROUNDS; r++) stages.forEach(([, run], s) => samples[s].push(timeRound(run)));
  // The sink keeps the work observable so the JIT cannot drop it.
  if (sink < 0) console.log(sink);
  return stages.map(([stage], s) => {
    const sorted = samples[s].sort((a, b) => a - b);
    return [stage, sorted[Math.floor(sorted.length / 2)]];
  });
}

const post = (i) => POSTS[i % POSTS.length];
const lines = POSTS.map((text, i) => JSON.stringify({ id: `item-${i}`, text }));
const normalized = POSTS.map((text) => nlp.normalizeText(text));
const docs = POSTS.map((text) => nlp.analyze(text));
const sentiment = nlp.loadSentimentModel();
const rumor = nlp.loadRumorModel();
const categories = nlp.createCategoryMatcher(nlp.loadTermLists([]), nlp.normalizeText);
const rumorResults = docs.map((doc) => rumor.score(doc));
const enricher = nlp.createEnricher({ termLists: nlp.loadTermLists([]) });

const rows = measureAll([
  ['baseline: JSON.parse + JSON.stringify of the item', (i) => JSON.stringify(JSON.parse(lines[i % lines.length]))],
  ['normalise', (i) => nlp.normalizeText(post(i))],
  ['segment', (i) => nlp.segment(normalized[i % normalized.length])],
  ['sentiment', (i) => sentiment.predict(docs[i % docs.length])],
  ['rumor', (i) => rumor.score(docs[i % docs.length])],
  ['categories', (i) => categories.match(normalized[i % normalized.length], rumorResults[i % rumorResults.length])],
  ['PII (detect + mask)', (i) => nlp.maskPii(post(i), nlp.detectPii(post(i)))],
  ['fingerprint', (i) => nlp.fingerprint(normalized[i % normalized.length])],
  ['total: createEnricher().enrich', (i) => enricher.enrich(post(i))],
]);

const meanLength = POSTS.reduce((n, p) => n + p.length, 0) / POSTS.length;
console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores`);
console.log(
  `${POSTS.length} posts, mean ${meanLength.toFixed(0)} characters; median of ${ROUNDS} rounds × ${ITEMS} items\n`,
);
console.log('| stage | µs/item |');
console.log('|---|---:|');
for (const [stage, us] of rows) console.log(`| ${stage} | ${us.toFixed(1)} |`);
const stagesSum = rows.slice(1, -1).reduce((n, [, us]) => n + us, 0);
console.log(`| sum of stages | ${stagesSum.toFixed(1)} |`);
const total = rows[rows.length - 1][1];
console.log(
  `\ntotal / baseline: ${(total / rows[0][1]).toFixed(1)}×; target ≤ 150 µs: ${total <= 150 ? 'met' : 'NOT met'}`,
);
