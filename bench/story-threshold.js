#!/usr/bin/env node
// Stories (R-ENR-6): precision and recall of "same story" per Hamming threshold, on labelled
// pairs built from the eval data. Positives: a post and a perturbed copy (small edits, added
// hashtags, added @mentions, traditional script, a comment line before the text, a comment
// with the text quoted after //@, and all of these at once). Negatives: two different posts,
// drawn at random, and hard ones: posts of the same topic (the same search keyword, or all
// about COVID-19). "found" also requires a shared LSH band, as the stream's lookup does.
//
//   npx tsc -b tsconfig.build.json && node bench/story-threshold.js [--data <eval dir>] [--posts 800]
//
// The figures are quoted in docs/BENCHMARKS.md.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { Converter } = require('opencc-js');
const nlp = require('@liaowang/nlp');
const keys = require('../pipelines/stream/dist/stories/story-keys');

const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const dataDir = arg('--data', process.env.LIAOWANG_EVAL_DIR || path.join(__dirname, '..', '..', 'shared', 'eval'));
const postCount = Number(arg('--posts', '800'));

// Deterministic pseudo-random numbers (mulberry32), so every run builds the same pairs.
let seed = 20261201;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];

function read(folder) {
  const file = path.join(dataDir, folder, 'train.jsonl');
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

const fingerprintsOf = (text) => keys.storyFingerprints(nlp.fingerprint(nlp.normalizeText(text)), text);
// Posts long enough to be a claim (a story is not made of three-word replies).
const usable = (text) => {
  const n = nlp.normalizeText(text).length;
  return n >= 30 && n <= 400 && fingerprintsOf(text).length > 0;
};

const toTraditional = Converter({ from: 'cn', to: 'tw' });
const FILLER = '的了是在有和就都也还要说这那个们我你他她它很';
function smallEdit(text) {
  const chars = [...text];
  const edits = 1 + Math.floor(random() * Math.max(1, chars.length * 0.03));
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * chars.length);
    const op = random();
    if (op < 0.34) chars.splice(at, 1);
    else if (op < 0.67) chars.splice(at, 0, pick([...FILLER]));
    else chars[at] = pick([...FILLER]);
  }
  return chars.join('');
}
const TAGS = ['#突发#', '#热点新闻#', '#关注#', '#紧急扩散#', '#今日头条#'];
const NAMES = ['@人民日报', '@新闻哥', '@小王同学', '@本地生活圈', '@热心市民李先生'];
const COMMENTS = ['这是真的吗？', '太可怕了，大家注意', '求证，有没有人知道', '转给家里人看看', '不敢相信'];
const PERTURBATIONS = {
  edit: smallEdit,
  hashtags: (t) => `${pick(TAGS)}${t} ${pick(TAGS)}`,
  mentions: (t) => `${t} ${pick(NAMES)} ${pick(NAMES)}`,
  traditional: (t) => toTraditional(t),
  'comment line': (t) => `${pick(COMMENTS)}\n${t}`,
  'comment //@quote': (t) => `${pick(COMMENTS)}//${pick(NAMES)}:${t}`,
  'all at once': (t) => `${pick(COMMENTS)}//${pick(NAMES)}:${pick(TAGS)}${toTraditional(smallEdit(t))} ${pick(NAMES)}`,
};

function main() {
  const claims = [...read('ced_weibo_rumor'), ...read('checked_covid19_weibo')].map((r) => r.text).filter(usable);
  // A fixed sample of base posts, shuffled deterministically.
  const base = claims.map((t) => [random(), t]).sort((a, b) => a[0] - b[0]).slice(0, postCount).map(([, t]) => t);
  const fps = new Map(base.map((t) => [t, fingerprintsOf(t)]));

  const positives = [];
  for (const text of base)
    for (const [kind, perturb] of Object.entries(PERTURBATIONS)) positives.push({ kind, a: fps.get(text), b: fingerprintsOf(perturb(text)) });

  const negatives = [];
  for (let i = 0; i < base.length * 10; i++) {
    const a = pick(base);
    const b = pick(base);
    if (a !== b) negatives.push({ kind: 'random', a: fps.get(a), b: fps.get(b) });
  }
  const byTopic = new Map();
  for (const r of read('weibo2018_topics')) if (usable(r.text)) byTopic.set(r.label, [...(byTopic.get(r.label) ?? []), r.text]);
  for (const texts of byTopic.values()) {
    const f = texts.map(fingerprintsOf);
    for (let i = 0; i < f.length; i++) for (let j = i + 1; j < f.length; j++) negatives.push({ kind: 'same keyword', a: f[i], b: f[j] });
  }
  const covid = read('checked_covid19_weibo').map((r) => r.text).filter(usable).slice(0, 400).map(fingerprintsOf);
  for (let i = 0; i < covid.length; i++) for (let j = i + 1; j < covid.length; j++) negatives.push({ kind: 'same topic (COVID-19)', a: covid[i], b: covid[j] });

  const measure = (pairs, t) => pairs.filter((p) => keys.storyDistance(p.a, p.b) <= t && keys.shareBand(p.a, p.b)).length;
  const kinds = (pairs) => [...new Set(pairs.map((p) => p.kind))];

  console.log(`base posts ${base.length}; positive pairs ${positives.length}; negative pairs ${negatives.length} (${kinds(negatives).map((k) => `${k} ${negatives.filter((p) => p.kind === k).length}`).join(', ')}); ${keys.STORY_BANDS} bands`);
  const withoutBands = (pairs, t) => pairs.filter((p) => keys.storyDistance(p.a, p.b) <= t).length;
  console.log('\n| threshold (bits) | recall | recall without the band lookup | precision (balanced) | false positives: ' + kinds(negatives).join(' | ') + ' |');
  console.log('|---:|---:|---:|---:|' + kinds(negatives).map(() => '---:').join('|') + '|');
  for (const t of [0, 2, 4, 6, 8, 10, 12, 14, 16]) {
    const tp = measure(positives, t);
    const fpRates = kinds(negatives).map((k) => {
      const pairs = negatives.filter((p) => p.kind === k);
      return measure(pairs, t) / pairs.length;
    });
    // Precision as if positives and negatives were equally many, from the mean false-positive rate.
    const recall = tp / positives.length;
    const meanFp = fpRates.reduce((s, r) => s + r, 0) / fpRates.length;
    const precision = recall + meanFp === 0 ? 1 : recall / (recall + meanFp);
    console.log(`| ${t}${t === keys.STORY_DISTANCE ? ' (chosen)' : ''} | ${(100 * recall).toFixed(1)}% | ${((100 * withoutBands(positives, t)) / positives.length).toFixed(1)}% | ${(100 * precision).toFixed(2)}% | ${fpRates.map((r) => `${(100 * r).toFixed(3)}%`).join(' | ')} |`);
  }
  console.log(`\nrecall by perturbation at ${keys.STORY_DISTANCE} bits (band lookup included):`);
  for (const k of kinds(positives)) {
    const pairs = positives.filter((p) => p.kind === k);
    console.log(`- ${k}: ${((100 * measure(pairs, keys.STORY_DISTANCE)) / pairs.length).toFixed(1)}%`);
  }
}

main();
