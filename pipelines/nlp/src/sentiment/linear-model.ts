import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { AnalyzedText } from '../analyzed-text';
import { extractFeatures, type FeatureConfig, type HashedFeatures } from '../text/hashed-features';

// A linear softmax model over hashed features: the shape of both shipped models (sentiment and
// the learned part of rumor risk). Linear keeps inference to a few µs per post (R-PERF-3).
// Shared by src/sentiment and src/rumor; it lives here because sentiment was its first user.

/** Folder of the shipped artifacts: two levels above src/sentiment or dist/sentiment. */
export const MODELS_DIR = path.join(__dirname, '..', '..', 'models');

export const ARTIFACT_FORMAT = 'liaowang-linear/1';

/** The JSON file written by training and read here; weights are int16, base64, little-endian. */
export interface LinearModelArtifact {
  format: typeof ARTIFACT_FORMAT;
  task: string;
  version: string;
  labels: string[];
  features: FeatureConfig;
  /** Softmax temperature fitted on out-of-fold predictions (calibration). */
  temperature: number;
  bias: number[];
  /** Real weight = int16 value × scale. */
  scale: number;
  /** Layout: bucket-major, `labels.length` weights per bucket. */
  weights: string;
  /** Provenance: data, seed, hyper-parameters; not read at run time. */
  training: Record<string, unknown>;
  /**
   * `softmax` (default): the columns are the logits of one softmax over `labels`. `binary` (the
   * rumor model since nlp-1.4.0): each column is the log-odds of its own yes/no question, read
   * with `logits`.
   */
  outputs?: 'softmax' | 'binary';
  /** Rumor model only: how the chatter head gates the score, fitted on out-of-fold predictions. */
  claimGate?: ClaimGate;
}

/**
 * The rumor score (nlp-1.4.0) is the rumor head's log-odds, lowered by `weight` ×
 * softplus(chatter log-odds − `confidentFrom`) (about weight × the excess where the chatter head is
 * confident, next to nothing well below the cut), then moved by `scoreShift` so that the shipped
 * alert threshold flags the share of everyday posts aimed at in training.
 */
export interface ClaimGate {
  weight: number;
  confidentFrom: number;
  scoreShift: number;
}

export class LinearModel {
  // Kept as int16: half the memory of float32, so more of the table stays in cache; each post
  // touches a few hundred random rows and cache misses dominate the cost (R-PERF-3).
  private readonly weights: Int16Array;
  readonly labels: readonly string[];
  readonly features: FeatureConfig;
  readonly version: string;
  readonly claimGate?: ClaimGate;
  readonly outputs: 'softmax' | 'binary';

  constructor(private readonly artifact: LinearModelArtifact) {
    if (artifact.format !== ARTIFACT_FORMAT) throw new Error(`unknown model format ${artifact.format}`);
    const bytes = Buffer.from(artifact.weights, 'base64');
    const quantized = new Int16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);
    const expected = (1 << artifact.features.hashBits) * artifact.labels.length;
    if (quantized.length !== expected) throw new Error(`model ${artifact.task}: ${quantized.length} weights, expected ${expected}`);
    this.weights = quantized;
    this.labels = artifact.labels;
    this.features = artifact.features;
    this.version = artifact.version;
    this.claimGate = artifact.claimGate;
    this.outputs = artifact.outputs ?? 'softmax';
  }

  static load(file: string): LinearModel {
    return new LinearModel(JSON.parse(readFileSync(file, 'utf8')) as LinearModelArtifact);
  }

  featurize(doc: AnalyzedText, extra: readonly string[] = []): HashedFeatures {
    return extractFeatures(doc, this.features, extra);
  }

  /** Calibrated class probabilities, in the order of `labels` (softmax models). */
  probabilities(features: HashedFeatures): number[] {
    return softmax(this.logits(features), this.artifact.temperature);
  }

  /** Raw column sums plus bias, in the order of `labels`: a binary model's log-odds per head. */
  logits(features: HashedFeatures): number[] {
    const sums = columnSums(this.weights, this.labels.length, features.ids);
    const factor = features.weight * this.artifact.scale;
    return sums.map((sum, k) => this.artifact.bias[k] + factor * sum);
  }

  /**
   * How one feature id pushes one label: its weight minus the mean over classes for a softmax model,
   * its weight for a binary head.
   */
  contribution(id: number, label: number): number {
    const classes = this.labels.length;
    if (this.outputs === 'binary') return this.weights[id * classes + label] * this.artifact.scale;
    let mean = 0;
    for (let k = 0; k < classes; k++) mean += this.weights[id * classes + k];
    return (this.weights[id * classes + label] - mean / classes) * this.artifact.scale;
  }
}

/**
 * The weights of the given buckets summed per class. Every post pays this twice (sentiment and
 * rumor), so the shipped models' 3 and 2 classes get loops with the sums in locals: the generic
 * loop over an array of sums took 8.0 µs a post on the sentiment table, this one 2.9 µs.
 */
function columnSums(weights: Int16Array, classes: number, ids: Uint32Array): number[] {
  if (classes === 3) {
    let a = 0;
    let b = 0;
    let c = 0;
    for (let i = 0; i < ids.length; i++) {
      const row = ids[i] * 3;
      a += weights[row];
      b += weights[row + 1];
      c += weights[row + 2];
    }
    return [a, b, c];
  }
  if (classes === 2) {
    let a = 0;
    let b = 0;
    for (let i = 0; i < ids.length; i++) {
      const row = ids[i] * 2;
      a += weights[row];
      b += weights[row + 1];
    }
    return [a, b];
  }
  const sums = new Array<number>(classes).fill(0);
  for (let i = 0; i < ids.length; i++) {
    const row = ids[i] * classes;
    for (let k = 0; k < classes; k++) sums[k] += weights[row + k];
  }
  return sums;
}

export function softmax(logits: number[], temperature = 1): number[] {
  let max = -Infinity;
  for (const value of logits) if (value > max) max = value;
  let sum = 0;
  const out = logits.map((value) => {
    const e = Math.exp((value - max) / temperature);
    sum += e;
    return e;
  });
  return out.map((value) => value / sum);
}

/** Quantise trained float weights into an artifact (used by training; here so the codec is one place). */
export function encodeWeights(weights: Float64Array | Float32Array): { scale: number; weights: string } {
  let max = 0;
  for (const value of weights) if (Math.abs(value) > max) max = Math.abs(value);
  const scale = max > 0 ? max / 32767 : 1;
  const quantized = new Int16Array(weights.length);
  for (let i = 0; i < weights.length; i++) quantized[i] = Math.round(weights[i] / scale);
  return { scale, weights: Buffer.from(quantized.buffer).toString('base64') };
}
