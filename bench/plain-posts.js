#!/usr/bin/env node
// How the enricher reads plain posts of the kind a city's accounts get every hour (issue 9):
// praise, complaints, questions, an office's own notices and plain rumors, written by hand for this
// check (bench/data/plain-posts.jsonl, three sets written at different moments: A while the
// nlp-1.6.0 forms were written, B after their first round, C before the evaluative words and read
// only after them). Not training data: nothing is fitted to it.
//
//   npx tsc -b tsconfig.build.json && node bench/plain-posts.js [--list] [--file <jsonl>]
//
// A post is read right when its sentiment label is what its kind means (praise positive,
// complaint negative, question and notice neutral) and its rumor level is `high` for a rumor and
// not `high` for the rest; `low` for the rest is counted beside. --list prints the posts read wrong.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { createEnricher, MODEL_VERSION } = require('@liaowang/nlp');

const at = process.argv.indexOf('--file');
const file = at > 0 ? process.argv[at + 1] : path.join(__dirname, 'data', 'plain-posts.jsonl');
const list = process.argv.includes('--list');
const posts = fs
  .readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line));

const EXPECTED_SENTIMENT = { praise: 'positive', complaint: 'negative', question: 'neutral', notice: 'neutral' };
const KINDS = ['praise', 'complaint', 'question', 'notice', 'rumor'];
const enricher = createEnricher();
const tally = new Map();
const wrong = [];
const count = (key, ok) => {
  const entry = tally.get(key) ?? { right: 0, all: 0 };
  entry.all++;
  if (ok) entry.right++;
  tally.set(key, entry);
};

for (const post of posts) {
  const { sentiment, rumor } = enricher.enrich(post.text);
  const sets = [post.set, 'all'];
  const problems = [];
  if (post.kind in EXPECTED_SENTIMENT) {
    const ok = sentiment.label === EXPECTED_SENTIMENT[post.kind];
    for (const set of sets) count(`${set}|${post.kind}|sentiment`, ok);
    if (!ok) problems.push(`sentiment ${sentiment.label} ${sentiment.score.toFixed(2)}`);
  }
  const alertRight = post.kind === 'rumor' ? rumor.level === 'high' : rumor.level !== 'high';
  for (const set of sets) count(`${set}|${post.kind}|alert`, alertRight);
  if (post.kind !== 'rumor') for (const set of sets) count(`${set}|${post.kind}|low`, rumor.level === 'low');
  if (!alertRight) problems.push(`rumor ${rumor.level} ${rumor.score.toFixed(2)}`);
  if (problems.length > 0) wrong.push(`${post.id} ${post.kind}: ${problems.join(', ')}  ${post.text}`);
}

const cell = (key) => {
  const entry = tally.get(key);
  return entry ? `${entry.right}/${entry.all}` : '';
};
const sets = [...new Set(posts.map((post) => post.set)), 'all'];
console.log(`model version ${MODEL_VERSION}; ${posts.length} plain posts from ${path.basename(file)}`);
console.log(`| kind | what counts as right | ${sets.join(' | ')} |`);
console.log(`|---|---|${sets.map(() => '---:').join('|')}|`);
for (const kind of KINDS) {
  if (kind in EXPECTED_SENTIMENT) console.log(`| ${kind} | sentiment ${EXPECTED_SENTIMENT[kind]} | ${sets.map((set) => cell(`${set}|${kind}|sentiment`)).join(' | ')} |`);
  const alert = kind === 'rumor' ? 'rumor level high' : 'rumor level not high';
  console.log(`| ${kind} | ${alert} | ${sets.map((set) => cell(`${set}|${kind}|alert`)).join(' | ')} |`);
  if (kind !== 'rumor') console.log(`| ${kind} | rumor level low | ${sets.map((set) => cell(`${set}|${kind}|low`)).join(' | ')} |`);
}
if (list) for (const line of wrong) console.log(line);
