import * as path from 'node:path';
import { DEFAULT_RUMOR_ALERT_THRESHOLD } from '@liaowang/contract';
import {
  analyze,
  assessRumorSignals,
  encodeWeights,
  extractFeatures,
  hasClaimSignal,
  loadRebuttalRecords,
  normalizeText,
  matchRebuttals,
  signalFeatureNames,
  ARTIFACT_FORMAT,
  MODEL_VERSION,
  RUMOR_MODEL_LABELS,
  type FeatureConfig,
  type HashedFeatures,
  type RumorScoreEvidence,
} from '@liaowang/nlp';
import { fitClaimGate, type GateFitRow } from './claim-gate-fit';
import { crossValidationFolds, devSplit, SPLIT_SEED, DEV_FRACTION } from './dev-split';
import { readDataset, type LabelledRow } from './eval-data';
import { chooseL2, toExamples } from './model-fitting';
import { predictSoftmax, trainSoftmax, type SoftmaxWeights } from './softmax-trainer';
import { log, writeArtifact } from './training-io';

// The rumor model (nlp-1.4.0): two binary heads in one hashed table.
// - `rumor`: CED's rumor vs non-rumor, trained on CED alone, so it ranks claims among claims as
//   the CED-only model of nlp-1.2.0 did (nlp-1.3.0 trained it together with chatter in one softmax
//   and lost ranking: CED ROC-AUC 0.952 → 0.898).
// - `chatter`: everyday posts (the sentiment sets' train parts: praise, complaints, questions)
//   against claims (all of CED's posts, rumor or not).
// The claim gate lowers a post only where the chatter head is confident; it and the score shift
// are fitted on out-of-fold predictions of the training part (claim-gate-fit.ts).

const FOLDS = 3;
const FOLD_SEED = 7;
const ITERATIONS = 150;
// 2^18 buckets: CED has 2,000 posts (2^20 gave nothing: CV AUC 0.9450 → 0.9461, nlp-1.2.0).
const RUMOR_FEATURES: FeatureConfig = { hashBits: 18, charNgramMax: 3, wordBigrams: true };
const RUMOR_L2_CANDIDATES = [1e-6, 3e-6, 1e-5];
const CHATTER_L2_CANDIDATES = [3e-6, 1e-5, 3e-5];
// The sentiment sets' train parts give the chatter head its everyday posts (smp2020's virus
// part without its claims and news, see everydayPosts); every EVERYDAY_STEP-th post (1 = all of
// them; --everyday-step for quicker trials).
const EVERYDAY_SETS = ['weibo2018_sentiment', 'smp2020_ewect_polarity'];
const EVERYDAY_STEP = 1;
// The gate's grid, its false-alarm target on everyday posts out-of-fold (issue 9: ≤ 3 % on dev,
// whose everyday posts also hold the virus posts with claims left out here; 2 % leaves room), and
// how much of CED's ranking it may give up.
const GATE_SETTINGS = {
  weights: [0.5, 1, 1.5, 2, 3],
  confidentFrom: [-1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4],
  falseAlarms: 0.02,
  maxAucLoss: 0.015,
  alertThreshold: DEFAULT_RUMOR_ALERT_THRESHOLD,
};

/**
 * Everyday posts (praise, complaints, questions) from the train parts of the two sentiment sets:
 * CED's non-rumors are news-like, so without them anything short and emotional looked risky
 * (issue 9). Every `step`-th post in the split's order, deterministic.
 */
function everydayPosts(dataDir: string, step: number): LabelledRow[] {
  const records = loadRebuttalRecords();
  const rows: LabelledRow[] = [];
  for (const name of EVERYDAY_SETS) {
    const { train } = devSplit(readDataset(dataDir, name));
    train.forEach((row, i) => {
      if (i % step !== 0) return;
      // smp2020's virus part (COVID-19, early 2020) is mostly cheering, thanks and reposts
      // ("武汉加油", "//@…致敬医护人员"), but some of it passes on news and hearsay, which must not be
      // taught as chatter: a virus post with a claim signal or the news style (attribution,
      // 【headline】, dateline, figures) is left out. (nlp-1.3.0 left the whole part out, and
      // everyday posts of that kind were a quarter of them false alarms: 24 % on dev.)
      if (row.id.startsWith('virus-')) {
        const normalized = normalizeText(row.text);
        const { signals, credibility } = assessRumorSignals(normalized);
        if (credibility.length > 0 || hasClaimSignal({ signals, credibility, rebuttals: matchRebuttals(normalized, records) })) return;
      }
      rows.push({ id: row.id, text: row.text, label: 'chatter' });
    });
  }
  return rows;
}

interface PreparedPost {
  features: HashedFeatures;
  evidence: RumorScoreEvidence;
}

function prepare(rows: readonly LabelledRow[]): PreparedPost[] {
  const records = loadRebuttalRecords();
  return rows.map((row) => {
    const doc = analyze(row.text);
    const { signals, credibility } = assessRumorSignals(doc.normalized);
    const rebuttals = matchRebuttals(doc.normalized, records);
    return { features: extractFeatures(doc, RUMOR_FEATURES, signalFeatureNames(signals, rebuttals, credibility)), evidence: { signals, credibility, rebuttals } };
  });
}

/** Log-odds of class 1 of a 2-class softmax. */
const logOdds = (p: readonly number[]): number => Math.log(Math.max(p[1], 1e-12) / Math.max(p[0], 1e-12));

/** A 2-class softmax as one binary head: the difference of its two weight columns. */
function headOf(fit: SoftmaxWeights): { weights: Float64Array; bias: number } {
  const weights = new Float64Array(fit.weights.length / 2);
  for (let j = 0; j < weights.length; j++) weights[j] = fit.weights[2 * j + 1] - fit.weights[2 * j];
  return { weights, bias: fit.bias[1] - fit.bias[0] };
}

const meanLogLikelihood = (outOfFold: number[][], labels: readonly number[], rows: readonly number[]): number =>
  rows.reduce((sum, i) => sum + Math.log(Math.max(outOfFold[i][labels[i]], 1e-12)), 0) / Math.max(1, rows.length);

export function trainRumor(dataDir: string, outDir: string, fixedL2?: number, everydayStep = EVERYDAY_STEP): void {
  // ced_weibo_rumor plus everyday posts: checked_covid19_weibo is academic-use only and stands for unseen domains.
  log('rumor: reading ced_weibo_rumor + everyday posts of weibo2018/smp2020 (train parts of the dev split)');
  const ced = devSplit(readDataset(dataDir, 'ced_weibo_rumor')).train;
  const everyday = everydayPosts(dataDir, everydayStep);
  const posts = prepare([...ced, ...everyday]);
  const cedPosts = posts.slice(0, ced.length);
  const base = { buckets: 1 << RUMOR_FEATURES.hashBits, classes: 2, iterations: ITERATIONS };

  // Rumor head: CED alone, L2 by CED's out-of-fold log-likelihood (as until nlp-1.2.0).
  const rumorLabels = ced.map((row) => (row.label === 'rumor' ? 1 : 0));
  const rumorData = toExamples(
    cedPosts.map((post) => post.features),
    rumorLabels,
  );
  const cedFolds = crossValidationFolds(ced, FOLDS, FOLD_SEED);
  const cedRows = ced.map((_, i) => i);
  const rumorCv = chooseL2(rumorData, cedFolds, FOLDS, base, fixedL2 !== undefined ? [fixedL2] : RUMOR_L2_CANDIDATES, (oof) => meanLogLikelihood(oof, rumorLabels, cedRows), log);
  log(`rumor head: l2=${rumorCv.l2}; fitting on ${rumorData.length} CED posts`);
  const rumorFit = trainSoftmax(rumorData, { ...base, l2: rumorCv.l2 });

  // Chatter head: everyday posts (1) against all of CED's posts (0); L2 by the mean of the two
  // groups' out-of-fold log-likelihoods, so the larger everyday part does not drown CED.
  const chatterLabels = posts.map((_, i) => (i < ced.length ? 0 : 1));
  const chatterData = toExamples(
    posts.map((post) => post.features),
    chatterLabels,
  );
  const folds = [...cedFolds, ...crossValidationFolds(everyday, FOLDS, FOLD_SEED)];
  const everydayRows = everyday.map((_, i) => ced.length + i);
  const chatterScore = (oof: number[][]): number => (meanLogLikelihood(oof, chatterLabels, cedRows) + meanLogLikelihood(oof, chatterLabels, everydayRows)) / 2;
  const chatterCv = chooseL2(chatterData, folds, FOLDS, base, fixedL2 !== undefined ? [fixedL2] : CHATTER_L2_CANDIDATES, chatterScore, log);
  log(`chatter head: l2=${chatterCv.l2}; fitting on ${chatterData.length} posts`);
  const chatterFit = trainSoftmax(chatterData, { ...base, l2: chatterCv.l2 });

  // Gate rows: CED posts with out-of-fold log-odds of both heads; everyday posts with the rumor
  // head fitted on all of CED (it never saw them) and the out-of-fold chatter head.
  const gateRows: GateFitRow[] = posts.map((post, i) => ({
    logits: [i < ced.length ? logOdds(rumorCv.outOfFold[i]) : logOdds(predictSoftmax(rumorFit, post.features, 2)), logOdds(chatterCv.outOfFold[i])],
    evidence: post.evidence,
    source: i < ced.length ? 'ced' : 'everyday',
    rumor: i < ced.length && rumorLabels[i] === 1,
  }));
  const gate = fitClaimGate(gateRows, GATE_SETTINGS);
  log(
    `rumor: gate=${JSON.stringify(gate.gate)}: out-of-fold CED recall ${gate.recall.toFixed(4)} at ${GATE_SETTINGS.falseAlarms} of everyday posts, CED ROC-AUC ${gate.auc.toFixed(4)} (ungated ${gate.ungatedAuc.toFixed(4)})`,
  );

  // Both heads in one table, bucket-major [rumor, chatter], so a post's features are read once.
  const rumorHead = headOf(rumorFit);
  const chatterHead = headOf(chatterFit);
  const table = new Float64Array(rumorHead.weights.length * 2);
  for (let j = 0; j < rumorHead.weights.length; j++) {
    table[2 * j] = rumorHead.weights[j];
    table[2 * j + 1] = chatterHead.weights[j];
  }
  writeArtifact(path.join(outDir, 'rumor.model.json'), {
    format: ARTIFACT_FORMAT,
    task: 'rumor',
    version: MODEL_VERSION,
    labels: [...RUMOR_MODEL_LABELS],
    outputs: 'binary',
    features: RUMOR_FEATURES,
    temperature: 1,
    claimGate: gate.gate,
    bias: [rumorHead.bias, chatterHead.bias],
    ...encodeWeights(table),
    training: {
      claimGateFit: { ...GATE_SETTINGS, outOfFoldCedRecall: gate.recall, outOfFoldCedAuc: gate.auc, ungatedOutOfFoldCedAuc: gate.ungatedAuc },
      data: ['ced_weibo_rumor', ...EVERYDAY_SETS.map((name) => `${name} (as chatter${name === 'smp2020_ewect_polarity' ? '; virus part without claim signals or news style' : ''}, every ${everydayStep}. post)`)],
      split: { seed: SPLIT_SEED, devFraction: DEV_FRACTION, cedRows: ced.length, everydayRows: everyday.length },
      crossValidation: { folds: FOLDS, seed: FOLD_SEED, rumorHead: rumorCv.scores, chatterHead: chatterCv.scores },
      l2: { rumorHead: rumorCv.l2, chatterHead: chatterCv.l2 },
      iterations: ITERATIONS,
    },
  });
}
