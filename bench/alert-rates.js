#!/usr/bin/env node
// How many alerts a rumor-risk rule raises per 1,000 items, by threshold (issue 8 item 2): the
// figures the shipped default threshold is chosen from (DEFAULT_RUMOR_ALERT_THRESHOLD).
//
//   npx tsc -b tsconfig.build.json && node bench/alert-rates.js [--items 10000] [--data <eval dir>]
//
// (a) the simulator's scenarios (seeded), enriched as the stream does, split by what a post is:
//     rumor-like (网传 / 据说 / 紧急), official notices (【通报】, 发布…安排), impostor reports, the rest;
// (b) the labelled eval data, dev splits only (the same fixed split as docs/NLP.md, never trained
//     on): CED and CHECKED rumors caught vs their non-rumors flagged, and everyday Weibo posts
//     (the sentiment sets' dev splits) flagged.
// Each item is tested with the rule matcher the evaluator runs (@liaowang/alerting); a count is
// of matches, i.e. alerts before grouping by the rule's repeat interval (grouping only lowers it).
'use strict';
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { compileRule, prepareItem } = require('@liaowang/alerting');
const { createEnricher } = require('@liaowang/nlp');
const { MentionGenerator } = require('@liaowang/intake');

const training = path.join(__dirname, '..', 'pipelines', 'nlp', 'training');
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', training], { stdio: 'inherit' });
const { devSplit } = require(path.join(training, 'dist', 'dev-split.js'));
const { readDataset, resolveDataDir } = require(path.join(training, 'dist', 'eval-data.js'));

const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const ITEMS = option('items', 10_000);
const THRESHOLDS = [0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];
const SEED = 20261201;

const enricher = createEnricher();
const rules = THRESHOLDS.map((t) =>
  compileRule({
    id: `rumor-${t}`,
    version: 1,
    name: `rumor ≥ ${t}`,
    severity: 'high',
    enabled: true,
    match: { rumorRiskAtLeast: t },
    repeatMinutes: 30,
    createdAt: '',
    createdBy: '',
    updatedAt: '',
    updatedBy: '',
  }),
);

/** Matches per threshold of one group of texts. */
function matchCounts(posts) {
  const counts = THRESHOLDS.map(() => 0);
  for (const { text, kind = 'mention', author = { id: 'bench', name: 'bench' } } of posts) {
    const prepared = prepareItem({ kind, author, enrichment: enricher.enrich(text) });
    rules.forEach((rule, i) => {
      if (rule.test(prepared).matched) counts[i]++;
    });
  }
  return { n: posts.length, counts };
}

function simulatorKind(post) {
  if (post.kind === 'impostor_report') return 'impostor';
  if (/^(网传|据说|紧急！)/.test(post.text)) return 'rumor-like';
  if (/^【通报】|发布.*最新安排/.test(post.text)) return 'official';
  return 'everyday';
}

const perMille = (count, n) => (n === 0 ? '—' : ((1000 * count) / n).toFixed(1));
const percent = (count, n) => (n === 0 ? '—' : `${((100 * count) / n).toFixed(1)} %`);

function table(title, columns, groups) {
  console.log(`\n${title}`);
  console.log(`| threshold | ${columns.map((c) => c.label).join(' | ')} |`);
  console.log(`|---|${columns.map(() => '---:').join('|')}|`);
  THRESHOLDS.forEach((t, i) => {
    console.log(`| ${t.toFixed(2)} | ${columns.map((c) => c.cell(groups[c.group], i)).join(' | ')} |`);
  });
}

// (a) simulator
const generator = new MentionGenerator(SEED, 'bench');
const simulated = { all: [], 'rumor-like': [], official: [], everyday: [], impostor: [] };
for (let i = 0; i < ITEMS; i++) {
  const post = generator.generate(new Date('2026-12-01T04:00:00Z'));
  simulated.all.push(post);
  simulated[simulatorKind(post)].push(post);
}
const sim = Object.fromEntries(Object.entries(simulated).map(([k, posts]) => [k, matchCounts(posts)]));
console.log(
  `simulator: ${ITEMS} items (seed ${SEED}): rumor-like ${sim['rumor-like'].n}, official notices ${sim.official.n}, everyday ${sim.everyday.n}, impostor reports ${sim.impostor.n}`,
);
table('(a) simulator scenarios', [
  { label: 'alerts / 1,000 items', group: 'all', cell: (g, i) => perMille(g.counts[i], g.n) },
  { label: 'rumor-like caught', group: 'rumor-like', cell: (g, i) => percent(g.counts[i], g.n) },
  { label: 'official notices flagged', group: 'official', cell: (g, i) => percent(g.counts[i], g.n) },
  { label: 'everyday flagged', group: 'everyday', cell: (g, i) => percent(g.counts[i], g.n) },
], sim);

// (b) eval data, dev splits
const dataDir = resolveDataDir(process.argv);
const dev = (name) => devSplit(readDataset(dataDir, name)).dev;
const labelled = (rows, label) => rows.filter((r) => r.label === label);
const ced = dev('ced_weibo_rumor');
const checked = dev('checked_covid19_weibo');
const everyday = [...dev('weibo2018_sentiment'), ...dev('smp2020_ewect_polarity')];
const evalGroups = {
  cedRumor: matchCounts(labelled(ced, 'rumor')),
  cedOther: matchCounts(labelled(ced, 'non-rumor')),
  checkedRumor: matchCounts(labelled(checked, 'rumor')),
  checkedOther: matchCounts(labelled(checked, 'non-rumor')),
  everyday: matchCounts(everyday),
};
console.log(
  `\neval dev splits: CED ${ced.length} (${evalGroups.cedRumor.n} rumor), CHECKED ${checked.length} (${evalGroups.checkedRumor.n} rumor), everyday Weibo posts ${everyday.length} (weibo2018 + smp2020)`,
);
table('(b) labelled eval data (dev splits)', [
  { label: 'CED rumors caught', group: 'cedRumor', cell: (g, i) => percent(g.counts[i], g.n) },
  { label: 'CED non-rumors flagged', group: 'cedOther', cell: (g, i) => percent(g.counts[i], g.n) },
  { label: 'CHECKED rumors caught', group: 'checkedRumor', cell: (g, i) => percent(g.counts[i], g.n) },
  { label: 'CHECKED real news flagged', group: 'checkedOther', cell: (g, i) => percent(g.counts[i], g.n) },
  { label: 'everyday posts: alerts / 1,000', group: 'everyday', cell: (g, i) => perMille(g.counts[i], g.n) },
], evalGroups);
