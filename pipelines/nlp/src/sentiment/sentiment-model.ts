import * as path from 'node:path';
import type { SentimentLabel } from '@liaowang/contract';
import type { AnalyzedText } from '../analyzed-text';
import { LinearModel, MODELS_DIR } from './linear-model';
import { MODEL_VERSION } from './model-version.constant';
import { evaluativeBalance } from './evaluative-words';
import { cueLogOdds, detectSentimentCues } from './sentiment-cues';

export const SENTIMENT_MODEL_FILE = path.join(MODELS_DIR, 'sentiment.model.json');
const LABELS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];
// Log-odds per net evaluative word (evaluative-words.ts), counted up to three words: set by hand,
// smaller than a plain cue's, as a single word says less than an idiom.
const EVALUATIVE_WORD_LOG_ODDS = 0.5;
const EVALUATIVE_WORDS_COUNTED = 3;

export type SentimentProbabilities = Record<SentimentLabel, number>;

const NO_PLAIN_EVIDENCE: readonly number[] = [0, 0, 0];

/**
 * Log-odds per class [negative, neutral, positive] that the plain evidence of a post adds to the
 * learned model: each plain cue to its class (sentiment-cues.ts), the net evaluative words to the
 * side they lean to (evaluative-words.ts). One function for serving and for the training, which
 * chooses the blend and the neutral offset on the label as the product outputs it.
 */
export function plainEvidenceLogOdds(doc: AnalyzedText): readonly number[] {
  const cues = detectSentimentCues(doc.normalized);
  const balance = Math.max(-EVALUATIVE_WORDS_COUNTED, Math.min(EVALUATIVE_WORDS_COUNTED, evaluativeBalance(doc.tokens)));
  if (cues.length === 0 && balance === 0) return NO_PLAIN_EVIDENCE;
  const odds = [0, 0, 0];
  for (const cue of cues) odds[LABELS.indexOf(cue.label)] += cueLogOdds(cue.code);
  if (balance !== 0) odds[LABELS.indexOf(balance > 0 ? 'positive' : 'negative')] += Math.abs(balance) * EVALUATIVE_WORD_LOG_ODDS;
  return odds;
}

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
    const odds = plainEvidenceLogOdds(doc);
    if (odds === NO_PLAIN_EVIDENCE) {
      const [negative, neutral, positive] = learned;
      return { negative, neutral, positive };
    }
    // The plain evidence adds its log-odds to the learned model's, then renormalise.
    const logits = learned.map((p, k) => Math.log(Math.max(p, 1e-12)) + odds[k]);
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
