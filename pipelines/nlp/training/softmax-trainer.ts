import type { HashedFeatures } from '@liaowang/nlp';

// Multinomial logistic regression over hashed features, L2-regularised, fitted with L-BFGS.
// Full-batch and deterministic: the same data and settings give the same weights.

export interface TrainingExample {
  features: HashedFeatures;
  label: number;
}

export interface SoftmaxOptions {
  buckets: number;
  classes: number;
  /** L2 strength on weights (not biases), relative to the mean loss. */
  l2: number;
  iterations: number;
  /**
   * NB-weighting (Wang & Manning's NB-SVM, in its linear-model form): each weight's L2 penalty is
   * divided by the square of its feature's naive-Bayes log-count ratio for that class (one vs the
   * rest, presence counts, add-`nbSmoothing` smoothing), computed from the data this fit sees.
   * Equivalent to training on features scaled by |r|, so the shipped weight table and inference
   * are unchanged. Off when undefined.
   */
  nbSmoothing?: number;
}

/** Smallest squared log-count ratio used, so uninformative features are shrunk hard but finitely. */
const NB_MIN_SQUARED_RATIO = 0.01;

/** Per-parameter L2 multipliers 1/max(r², floor) from naive-Bayes log-count ratios. */
export function nbPenaltyScale(data: readonly TrainingExample[], buckets: number, classes: number, smoothing: number): Float64Array {
  const counts = new Float64Array(buckets * classes);
  const totals = new Float64Array(classes);
  for (const example of data) {
    for (const id of example.features.ids) counts[id * classes + example.label] += 1;
    totals[example.label] += example.features.ids.length;
  }
  const all = totals.reduce((a, b) => a + b, 0);
  const scale = new Float64Array(buckets * classes);
  for (let j = 0; j < buckets; j++) {
    let rowTotal = 0;
    for (let k = 0; k < classes; k++) rowTotal += counts[j * classes + k];
    for (let k = 0; k < classes; k++) {
      const inClass = (counts[j * classes + k] + smoothing) / (totals[k] + smoothing * buckets);
      const rest = (rowTotal - counts[j * classes + k] + smoothing) / (all - totals[k] + smoothing * buckets);
      const ratio = Math.log(inClass / rest);
      scale[j * classes + k] = 1 / Math.max(ratio * ratio, NB_MIN_SQUARED_RATIO);
    }
  }
  return scale;
}

export interface SoftmaxWeights {
  /** Bucket-major: `classes` weights per bucket. */
  weights: Float64Array;
  bias: Float64Array;
}

/** Logits of one example under the packed parameter vector (weights then biases). */
function logitsOf(params: Float64Array, example: HashedFeatures, classes: number, biasOffset: number, out: Float64Array): void {
  for (let k = 0; k < classes; k++) out[k] = params[biasOffset + k];
  for (const id of example.ids) {
    const row = id * classes;
    for (let k = 0; k < classes; k++) out[k] += example.weight * params[row + k];
  }
}

function lossAndGradient(
  params: Float64Array,
  data: readonly TrainingExample[],
  options: SoftmaxOptions,
  gradient: Float64Array,
  penaltyScale?: Float64Array,
): number {
  const { classes, l2 } = options;
  const biasOffset = options.buckets * classes;
  gradient.fill(0);
  const logits = new Float64Array(classes);
  let loss = 0;
  for (const example of data) {
    logitsOf(params, example.features, classes, biasOffset, logits);
    let max = -Infinity;
    for (let k = 0; k < classes; k++) if (logits[k] > max) max = logits[k];
    let sum = 0;
    for (let k = 0; k < classes; k++) sum += Math.exp(logits[k] - max);
    const logSum = max + Math.log(sum);
    loss += logSum - logits[example.label];
    for (let k = 0; k < classes; k++) {
      const residual = Math.exp(logits[k] - logSum) - (k === example.label ? 1 : 0);
      logits[k] = residual;
      gradient[biasOffset + k] += residual;
    }
    for (const id of example.features.ids) {
      const row = id * classes;
      for (let k = 0; k < classes; k++) gradient[row + k] += example.features.weight * logits[k];
    }
  }
  const n = data.length;
  let penalty = 0;
  for (let i = 0; i < biasOffset; i++) {
    const strength = penaltyScale ? penaltyScale[i] : 1;
    gradient[i] = gradient[i] / n + l2 * strength * params[i];
    penalty += strength * params[i] * params[i];
  }
  for (let k = 0; k < classes; k++) gradient[biasOffset + k] /= n;
  return loss / n + (l2 / 2) * penalty;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/** Fits the model with L-BFGS (memory 8) and a backtracking Armijo line search. */
export function trainSoftmax(data: readonly TrainingExample[], options: SoftmaxOptions): SoftmaxWeights {
  const size = options.buckets * options.classes + options.classes;
  const memory = 8;
  let params = new Float64Array(size);
  let gradient = new Float64Array(size);
  const penaltyScale = options.nbSmoothing !== undefined ? nbPenaltyScale(data, options.buckets, options.classes, options.nbSmoothing) : undefined;
  let loss = lossAndGradient(params, data, options, gradient, penaltyScale);
  const steps: Float64Array[] = [];
  const changes: Float64Array[] = [];
  const direction = new Float64Array(size);
  const alpha = new Float64Array(memory);
  for (let iteration = 0; iteration < options.iterations; iteration++) {
    // Two-loop recursion: direction = -H·gradient.
    direction.set(gradient);
    for (let i = steps.length - 1; i >= 0; i--) {
      alpha[i] = dot(steps[i], direction) / dot(changes[i], steps[i]);
      for (let j = 0; j < size; j++) direction[j] -= alpha[i] * changes[i][j];
    }
    if (steps.length > 0) {
      const last = steps.length - 1;
      const gamma = dot(steps[last], changes[last]) / dot(changes[last], changes[last]);
      for (let j = 0; j < size; j++) direction[j] *= gamma;
    }
    for (let i = 0; i < steps.length; i++) {
      const beta = dot(changes[i], direction) / dot(changes[i], steps[i]);
      for (let j = 0; j < size; j++) direction[j] += steps[i][j] * (alpha[i] - beta);
    }
    for (let j = 0; j < size; j++) direction[j] = -direction[j];
    let slope = dot(gradient, direction);
    if (slope >= 0) {
      // Not a descent direction: restart from steepest descent.
      for (let j = 0; j < size; j++) direction[j] = -gradient[j];
      slope = dot(gradient, direction);
      steps.length = 0;
      changes.length = 0;
    }
    let step = iteration === 0 && steps.length === 0 ? 1 / Math.sqrt(dot(gradient, gradient)) : 1;
    const next = new Float64Array(size);
    const nextGradient = new Float64Array(size);
    let nextLoss = Infinity;
    for (let tries = 0; tries < 30; tries++) {
      for (let j = 0; j < size; j++) next[j] = params[j] + step * direction[j];
      nextLoss = lossAndGradient(next, data, options, nextGradient, penaltyScale);
      if (nextLoss <= loss + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(nextLoss < loss)) break;
    const s = new Float64Array(size);
    const y = new Float64Array(size);
    for (let j = 0; j < size; j++) {
      s[j] = next[j] - params[j];
      y[j] = nextGradient[j] - gradient[j];
    }
    if (dot(s, y) > 1e-12) {
      steps.push(s);
      changes.push(y);
      if (steps.length > memory) {
        steps.shift();
        changes.shift();
      }
    }
    const improvement = loss - nextLoss;
    params = next;
    gradient = nextGradient;
    loss = nextLoss;
    if (improvement < 1e-7 * Math.max(1, Math.abs(loss))) break;
  }
  const biasOffset = options.buckets * options.classes;
  return { weights: params.slice(0, biasOffset), bias: params.slice(biasOffset) };
}

/** Class probabilities of an example under trained weights, with a softmax temperature. */
export function predictSoftmax(model: SoftmaxWeights, features: HashedFeatures, classes: number, temperature = 1): number[] {
  const logits = Array.from(model.bias);
  for (const id of features.ids) {
    const row = id * classes;
    for (let k = 0; k < classes; k++) logits[k] += features.weight * model.weights[row + k];
  }
  const max = Math.max(...logits);
  const exps = logits.map((value) => Math.exp((value - max) / temperature));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((value) => value / sum);
}
