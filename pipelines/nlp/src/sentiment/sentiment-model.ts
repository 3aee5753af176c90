import * as path from 'node:path';
import type { SentimentLabel } from '@liaowang/contract';
import type { AnalyzedText } from '../analyzed-text';
import { LinearModel, MODELS_DIR } from './linear-model';
import { MODEL_VERSION } from './model-version.constant';
import { cueLogOdds, detectSentimentCues } from './sentiment-cues';

export const SENTIMENT_MODEL_FILE = path.join(MODELS_DIR, 'sentiment.model.json');
const LABELS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];

export type SentimentProbabilities = Record<SentimentLabel, number>;

export interface SentimentPrediction {
  label: SentimentLabel;
  /** Calibrated probability of `label`. */
  score: number;
  probabilities: SentimentProbabilities;
}

/** R-ENR-2: negative / neutral / positive with a calibrated score. */
export class SentimentModel {
  readonly version: string;

  constructor(private readonly model: LinearModel) {
    if (model.labels.join() !== LABELS.join()) throw new Error(`sentiment model labels ${model.labels.join()}`);
    if (model.version !== MODEL_VERSION) throw new Error(`sentiment model ${model.version}, code expects ${MODEL_VERSION}`);
    this.version = model.version;
  }

  probabilities(doc: AnalyzedText): SentimentProbabilities {
    const learned = this.model.probabilities(this.model.featurize(doc));
    const cues = detectSentimentCues(doc.normalized);
    if (cues.length === 0) {
      const [negative, neutral, positive] = learned;
      return { negative, neutral, positive };
    }
    // Each plain cue adds its log-odds to its class (sentiment-cues.ts), then renormalise.
    const logits = learned.map((p) => Math.log(Math.max(p, 1e-12)));
    for (const cue of cues) logits[LABELS.indexOf(cue.label)] += cueLogOdds(cue.code);
    const max = Math.max(...logits);
    const exps = logits.map((value) => Math.exp(value - max));
    const total = exps[0] + exps[1] + exps[2];
    return { negative: exps[0] / total, neutral: exps[1] / total, positive: exps[2] / total };
  }

  /** Probabilities of the learned model alone, without the plain cues (evaluation shows both). */
  modelProbabilities(doc: AnalyzedText): SentimentProbabilities {
    const [negative, neutral, positive] = this.model.probabilities(this.model.featurize(doc));
    return { negative, neutral, positive };
  }

  predict(doc: AnalyzedText): SentimentPrediction {
    const probabilities = this.probabilities(doc);
    let label: SentimentLabel = 'neutral';
    for (const candidate of LABELS) if (probabilities[candidate] > probabilities[label]) label = candidate;
    return { label, score: probabilities[label], probabilities };
  }
}

let cached: SentimentModel | undefined;

/** The shipped sentiment model, loaded once per process (no network). */
export function loadSentimentModel(file = SENTIMENT_MODEL_FILE): SentimentModel {
  if (file !== SENTIMENT_MODEL_FILE) return new SentimentModel(LinearModel.load(file));
  cached ??= new SentimentModel(LinearModel.load(file));
  return cached;
}
