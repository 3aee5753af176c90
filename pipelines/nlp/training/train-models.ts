import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  analyze,
  encodeWeights,
  extractFeatures,
  gateRumor,
  loadRebuttalRecords,
  rumorFeatureNames,
  ARTIFACT_FORMAT,
  MODEL_VERSION,
  MODELS_DIR,
  type ClaimGate,
  type FeatureConfig,
  type HashedFeatures,
  type LinearModelArtifact,
} from '@liaowang/nlp';
import { crossValidationFolds, devSplit, SPLIT_SEED, DEV_FRACTION } from './dev-split';
import { readDataset, resolveDataDir, type LabelledRow } from './eval-data';
import { chooseL2, fitTemperature, toExamples } from './model-fitting';
import { trainSoftmax } from './softmax-trainer';

// The one training command (see docs/NLP.md). Fits both shipped models on the train part of
// our dev split of the eval sets, picks L2 by grouped 3-fold cross-validation on that train part,
// calibrates by temperature on out-of-fold probabilities, and writes the artifacts to models/.

const FOLDS = 3;
const FOLD_SEED = 7;
const ITERATIONS = 150;
const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'];
// Three classes since nlp-1.3.0: everyday chatter (praise, complaints, questions: no claim of fact)
// next to CED's non-rumors and rumors, one weight table; the score is P(rumor).
const RUMOR_LABELS = ['chatter', 'non-rumor', 'rumor'];
// 2^20 buckets since nlp-1.2.0 (2^18 before): fewer collisions among the n-grams of 44,000
// posts (CV 0.8248 → 0.8263). The rumor model, trained on 2,000 posts, gains nothing from it
// (CV AUC 0.9450 → 0.9461) and keeps the smaller table; both hash the text once.
const SENTIMENT_FEATURES: FeatureConfig = { hashBits: 20, charNgramMax: 3, wordBigrams: true };
const RUMOR_FEATURES: FeatureConfig = { hashBits: 18, charNgramMax: 3, wordBigrams: true };
const SENTIMENT_L2_CANDIDATES = [3e-6, 1e-5];
const RUMOR_L2_CANDIDATES = [3e-6, 1e-5, 3e-5];
// weibo2018 is a quarter the size of smp2020 and was drowned out in joint training: its posts
// count three times (cross-validation on the training part: +1 point on weibo2018, smp2020 unchanged).
const WEIBO2018_WEIGHT = 3;

// The sentiment sets' train parts give the rumor model its everyday non-rumors; every
// EVERYDAY_STEP-th post (1 = all of them).
const EVERYDAY_SETS = ['weibo2018_sentiment', 'smp2020_ewect_polarity'];
const EVERYDAY_STEP = 1;
// The claim gate's grid and its target false-alarm share on everyday posts (issue 9: ≤ 3 % on dev;
// 2 % out-of-fold leaves room for the hand-set signals added on top).
const GATE_WEIGHTS = [0, 0.25, 0.5, 1, 1.5, 2];
const GATE_SHIFTS = [0, -1, -2, -3, -4, -5];
const GATE_FALSE_ALARMS = 0.02;

const log = (line: string): void => void process.stderr.write(`${line}\n`);

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function writeArtifact(file: string, artifact: LinearModelArtifact): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(artifact)}\n`);
  log(`wrote ${path.relative(process.cwd(), file)}`);
}

function trainSentiment(dataDir: string, outDir: string, fixedL2?: number): void {
  log('sentiment: reading weibo2018_sentiment + smp2020_ewect_polarity (train part of the dev split)');
  const rows: LabelledRow[] = [];
  const folds: number[] = [];
  // Folds are drawn per data set so each stays stratified and near-duplicate-grouped; the
  // repeated weibo2018 rows keep their fold.
  for (const name of ['weibo2018_sentiment', 'smp2020_ewect_polarity']) {
    const { train } = devSplit(readDataset(dataDir, name));
    const trainFolds = crossValidationFolds(train, FOLDS, FOLD_SEED);
    const repeat = name === 'weibo2018_sentiment' ? WEIBO2018_WEIGHT : 1;
    for (let r = 0; r < repeat; r++) {
      rows.push(...train);
      folds.push(...trainFolds);
    }
  }
  const twoClass = rows.map((row) => !row.id.startsWith('usual-') && !row.id.startsWith('virus-'));
  const labels = rows.map((row) => SENTIMENT_LABELS.indexOf(row.label));
  const cache = new Map<string, HashedFeatures>();
  const features = rows.map((row) => {
    if (!cache.has(row.id)) cache.set(row.id, extractFeatures(analyze(row.text), SENTIMENT_FEATURES));
    return cache.get(row.id)!;
  });
  const data = toExamples(features, labels);
  const base = { buckets: 1 << SENTIMENT_FEATURES.hashBits, classes: 3, iterations: ITERATIONS };
  // CV score: mean of the two tasks' accuracies, each as evaluated (2-class: P(pos) vs P(neg)).
  const score = (outOfFold: number[][]): number => {
    let correct2 = 0;
    let total2 = 0;
    let correct3 = 0;
    let total3 = 0;
    outOfFold.forEach((p, i) => {
      if (twoClass[i]) {
        total2++;
        if ((p[2] >= p[0] ? 2 : 0) === labels[i]) correct2++;
      } else {
        total3++;
        if (p.indexOf(Math.max(...p)) === labels[i]) correct3++;
      }
    });
    return (correct2 / total2 + correct3 / total3) / 2;
  };
  const candidates = fixedL2 !== undefined ? [fixedL2] : SENTIMENT_L2_CANDIDATES;
  const cv = chooseL2(data, folds, FOLDS, base, candidates, score, log);
  const temperature = fitTemperature(cv.outOfFold, labels);
  log(`sentiment: l2=${cv.l2} temperature=${temperature}; fitting on ${data.length} posts`);
  const fit = trainSoftmax(data, { ...base, l2: cv.l2 });
  writeArtifact(path.join(outDir, 'sentiment.model.json'), {
    format: ARTIFACT_FORMAT,
    task: 'sentiment',
    version: MODEL_VERSION,
    labels: SENTIMENT_LABELS,
    features: SENTIMENT_FEATURES,
    temperature,
    bias: Array.from(fit.bias),
    ...encodeWeights(fit.weights),
    training: {
      data: ['weibo2018_sentiment', 'smp2020_ewect_polarity'],
      split: { seed: SPLIT_SEED, devFraction: DEV_FRACTION, trainRows: data.length },
      crossValidation: { folds: FOLDS, seed: FOLD_SEED, scores: cv.scores },
      l2: cv.l2,
      iterations: ITERATIONS,
      weibo2018Weight: WEIBO2018_WEIGHT,
    },
  });
}

function rumorFeatures(text: string, records: ReturnType<typeof loadRebuttalRecords>): HashedFeatures {
  const doc = analyze(text);
  return extractFeatures(doc, RUMOR_FEATURES, rumorFeatureNames(doc.normalized, records));
}

/**
 * Everyday posts (praise, complaints, questions) from the train parts of the two sentiment sets,
 * as a third class, chatter: CED's non-rumors are news-like, so without them anything short and
 * emotional looked risky (issue 9). Every `step`-th post in the split's order, deterministic.
 */
function everydayNegatives(dataDir: string, step: number): LabelledRow[] {
  const rows: LabelledRow[] = [];
  for (const name of EVERYDAY_SETS) {
    const { train } = devSplit(readDataset(dataDir, name));
    // smp2020's virus part is left out: its COVID-19 posts pass on news and hearsay ("听说…确诊"),
    // claims of fact that must not be taught as chatter.
    train
      .filter((row) => !row.id.startsWith('virus-'))
      .forEach((row, i) => {
        if (i % step === 0) rows.push({ id: row.id, text: row.text, label: 'chatter' });
      });
  }
  return rows;
}

/**
 * The claim gate (see gateRumor) that catches most CED rumors while flagging at most
 * GATE_FALSE_ALARMS of the everyday posts, both out-of-fold on the training part (never dev).
 * Rows [0, cedRows) are CED's, the rest everyday posts. Ties go to the gentler gate.
 */
function fitClaimGate(outOfFold: number[][], labels: number[], cedRows: number): { gate: ClaimGate; recall: number } {
  const rumorIndex = RUMOR_LABELS.indexOf('rumor');
  let best = { gate: { chatterShift: 0, weight: 0 }, recall: -1 };
  for (const weight of GATE_WEIGHTS) {
    for (const chatterShift of GATE_SHIFTS) {
      const gate = { chatterShift, weight };
      const scores = outOfFold.map((p) => gateRumor(p, gate).logOdds);
      const everyday = scores.slice(cedRows).sort((a, b) => b - a);
      const cut = everyday[Math.floor(GATE_FALSE_ALARMS * everyday.length)];
      const rumors = scores.slice(0, cedRows).filter((_, i) => labels[i] === rumorIndex);
      const recall = rumors.filter((score) => score > cut).length / rumors.length;
      if (recall > best.recall) best = { gate, recall };
    }
  }
  return best;
}

function trainRumor(dataDir: string, outDir: string, fixedL2?: number, everydayStep = EVERYDAY_STEP): void {
  // ced_weibo_rumor plus everyday posts: checked_covid19_weibo is academic-use only and stands for unseen domains.
  log('rumor: reading ced_weibo_rumor + everyday posts of weibo2018/smp2020 (train parts of the dev split)');
  const ced = devSplit(readDataset(dataDir, 'ced_weibo_rumor')).train;
  const everyday = everydayNegatives(dataDir, everydayStep);
  const train = [...ced, ...everyday];
  // Folds drawn per source, so each stays stratified and near-duplicate-grouped.
  const folds = [...crossValidationFolds(ced, FOLDS, FOLD_SEED), ...crossValidationFolds(everyday, FOLDS, FOLD_SEED)];
  const records = loadRebuttalRecords();
  const labels = train.map((row) => RUMOR_LABELS.indexOf(row.label));
  const data = toExamples(
    train.map((row) => rumorFeatures(row.text, records)),
    labels,
  );
  const base = { buckets: 1 << RUMOR_FEATURES.hashBits, classes: RUMOR_LABELS.length, iterations: ITERATIONS };
  // CV score: log-likelihood, since the score is used as a probability and ranked; the mean of
  // CED's and the everyday posts' means, so the larger everyday part does not drown CED.
  const meanLogLikelihood = (outOfFold: number[][], from: number, to: number): number => {
    let sum = 0;
    for (let i = from; i < to; i++) sum += Math.log(Math.max(outOfFold[i][labels[i]], 1e-12));
    return sum / Math.max(1, to - from);
  };
  const score = (outOfFold: number[][]): number =>
    (meanLogLikelihood(outOfFold, 0, ced.length) + meanLogLikelihood(outOfFold, ced.length, train.length)) / 2;
  const candidates = fixedL2 !== undefined ? [fixedL2] : RUMOR_L2_CANDIDATES;
  const cv = chooseL2(data, folds, FOLDS, base, candidates, score, log);
  const temperature = fitTemperature(cv.outOfFold, labels);
  const gate = fitClaimGate(cv.outOfFold, labels, ced.length);
  log(`rumor: l2=${cv.l2} temperature=${temperature} gate=${JSON.stringify(gate.gate)} (out-of-fold CED recall ${gate.recall.toFixed(4)} at ${GATE_FALSE_ALARMS} of everyday posts); fitting on ${data.length} posts`);
  const fit = trainSoftmax(data, { ...base, l2: cv.l2 });
  writeArtifact(path.join(outDir, 'rumor.model.json'), {
    format: ARTIFACT_FORMAT,
    task: 'rumor',
    version: MODEL_VERSION,
    labels: RUMOR_LABELS,
    features: RUMOR_FEATURES,
    temperature,
    claimGate: gate.gate,
    bias: Array.from(fit.bias),
    ...encodeWeights(fit.weights),
    training: {
      claimGateFit: { falseAlarms: GATE_FALSE_ALARMS, outOfFoldCedRecall: gate.recall },
      data: ['ced_weibo_rumor', ...EVERYDAY_SETS.map((name) => `${name} (as chatter${name === 'smp2020_ewect_polarity' ? ', usual part' : ''}, every ${everydayStep}. post)`)],
      split: { seed: SPLIT_SEED, devFraction: DEV_FRACTION, trainRows: data.length, cedRows: ced.length, everydayRows: everyday.length },
      crossValidation: { folds: FOLDS, seed: FOLD_SEED, scores: cv.scores },
      l2: cv.l2,
      iterations: ITERATIONS,
    },
  });
}

function main(): void {
  const dataDir = resolveDataDir(process.argv);
  const outDir = argument('--out') ? path.resolve(argument('--out')!) : MODELS_DIR;
  const only = argument('--only');
  const fixedL2 = argument('--l2') !== undefined ? Number(argument('--l2')) : undefined;
  if (only !== 'rumor') trainSentiment(dataDir, outDir, fixedL2);
  const everydayStep = argument('--everyday-step') !== undefined ? Number(argument('--everyday-step')) : undefined;
  if (only !== 'sentiment') trainRumor(dataDir, outDir, fixedL2, everydayStep);
}

main();
