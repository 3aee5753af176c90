import type { HashedFeatures } from '@liaowang/nlp';
import { logLoss } from './metrics';
import { predictSoftmax, trainSoftmax, type SoftmaxOptions, type SoftmaxWeights, type TrainingExample } from './softmax-trainer';

// Hyper-parameter choice by cross-validation on the training part only (never the dev split),
// and temperature calibration on the out-of-fold probabilities.

export interface CrossValidationResult {
  l2: number;
  /** Out-of-fold class probabilities of every training example, at the chosen l2. */
  outOfFold: number[][];
  /** Score of every candidate l2 (higher is better). */
  scores: Array<{ l2: number; score: number }>;
}

export function outOfFoldProbabilities(
  data: readonly TrainingExample[],
  folds: readonly number[],
  foldCount: number,
  options: SoftmaxOptions,
): number[][] {
  const out: number[][] = new Array(data.length);
  for (let fold = 0; fold < foldCount; fold++) {
    const fit = trainSoftmax(
      data.filter((_, i) => folds[i] !== fold),
      options,
    );
    data.forEach((example, i) => {
      if (folds[i] === fold) out[i] = predictSoftmax(fit, example.features, options.classes);
    });
  }
  return out;
}

export function chooseL2(
  data: readonly TrainingExample[],
  folds: readonly number[],
  foldCount: number,
  base: Omit<SoftmaxOptions, 'l2'>,
  candidates: readonly number[],
  score: (outOfFold: number[][]) => number,
  log: (line: string) => void,
): CrossValidationResult {
  let best: CrossValidationResult | undefined;
  const scores: Array<{ l2: number; score: number }> = [];
  for (const l2 of candidates) {
    const outOfFold = outOfFoldProbabilities(data, folds, foldCount, { ...base, l2 });
    const value = score(outOfFold);
    scores.push({ l2, score: value });
    log(`  cv l2=${l2}: ${value.toFixed(4)}`);
    if (!best || value > best.scores.find((s) => s.l2 === best!.l2)!.score) best = { l2, outOfFold, scores };
  }
  return { ...best!, scores };
}

/** Softmax temperature minimising the log-loss of out-of-fold logits' probabilities. */
export function fitTemperature(outOfFold: readonly number[][], labels: readonly number[]): number {
  const logits = outOfFold.map((probs) => probs.map((p) => Math.log(Math.max(p, 1e-12))));
  let best = 1;
  let bestLoss = Infinity;
  for (let t = 0.3; t <= 3.0001; t += 0.02) {
    const gold = logits.map((row, i) => {
      const max = Math.max(...row);
      const exps = row.map((value) => Math.exp((value - max) / t));
      return exps[labels[i]] / exps.reduce((a, b) => a + b, 0);
    });
    const loss = logLoss(gold);
    if (loss < bestLoss) {
      bestLoss = loss;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}

export function toExamples(features: readonly HashedFeatures[], labels: readonly number[]): TrainingExample[] {
  return features.map((f, i) => ({ features: f, label: labels[i] }));
}

export type { SoftmaxWeights };
