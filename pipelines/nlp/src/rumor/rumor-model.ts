import * as path from 'node:path';
import type { AnalyzedText } from '../analyzed-text';
import { LinearModel, MODELS_DIR, type ClaimGate } from '../sentiment/linear-model';
import { gateRumor, sigmoid } from './claim-gate';
import { combineRumorScore } from './rumor-score';
import { MODEL_VERSION } from '../sentiment/model-version.constant';
import { wordFeatureId } from '../text/hashed-features';
import { loadRebuttalRecords, matchRebuttals, type RebuttalRecord } from './rebuttal-records';
import { assessRumorSignals, detectNoClaimForm, type CredibilitySignal, type RumorSignal } from './rumor-signals';

export const RUMOR_MODEL_FILE = path.join(MODELS_DIR, 'rumor.model.json');
// One table, two binary heads (nlp-1.4.0): `rumor` is CED's rumor-vs-non-rumor log-odds (trained on
// CED alone, so it ranks claims among claims), `chatter` the log-odds that a post is everyday
// chatter making no claim of fact (the sentiment sets' posts) rather than a claim (CED's posts).
const LABELS = ['rumor', 'chatter'];
const RUMOR = 0;
const CHATTER = 1;
export const RUMOR_MODEL_LABELS: readonly string[] = LABELS;

/** Above this model probability the reasons name the word that pushed the score most. */
const MODEL_REASON_THRESHOLD = 0.5;
/** Below this claim share (the chatter head is confident) `lowering` names the word that most marks the post as chatter. */
const NO_CLAIM_REASON_BELOW = 0.5;

export interface RumorAssessment {
  /** 0–1 risk. */
  score: number;
  /** Stable codes with the matched text, e.g. `hearsay:网传`, `model:扩散`. */
  reasons: string[];
  /**
   * What lowered the risk, same form, e.g. `authority_attribution:据@上海发布`, `news_headline:【…】`,
   * `no_claim:点赞` (the model reads the post as everyday chatter; the word that says so most).
   */
  lowering: string[];
}

/** Rule signals as named model features, so training learns how much each one is worth. */
export function signalFeatureNames(
  signals: readonly RumorSignal[],
  rebuttals: readonly string[],
  credibility: readonly CredibilitySignal[] = [],
): string[] {
  const names = signals.map((signal) => `signal:${signal.code}`);
  if (rebuttals.length > 0) names.push('signal:rebuttal_contradiction');
  for (const marker of credibility) names.push(`credibility:${marker.code}`);
  return names;
}

/** The named features of a normalised post, as training and serving both compute them. */
export function rumorFeatureNames(normalized: string, records: readonly RebuttalRecord[]): string[] {
  const { signals, credibility } = assessRumorSignals(normalized);
  return signalFeatureNames(signals, matchRebuttals(normalized, records), credibility);
}

/** R-ENR-3: the learned heads over text and signal features, plus rebuttals on record. */
export class RumorModel {
  readonly version: string;
  private readonly gate: ClaimGate;

  constructor(
    private readonly model: LinearModel,
    private readonly rebuttals: readonly RebuttalRecord[],
  ) {
    if (model.labels.join() !== LABELS.join() || model.outputs !== 'binary') throw new Error(`rumor model heads ${model.labels.join()} (${model.outputs})`);
    if (model.version !== MODEL_VERSION) throw new Error(`rumor model ${model.version}, code expects ${MODEL_VERSION}`);
    if (!model.claimGate) throw new Error('rumor model has no claim gate');
    this.version = model.version;
    this.gate = model.claimGate;
  }

  /** Probability from the learned heads alone, gate and shift included (evaluation shows what rules add). */
  modelProbability(doc: AnalyzedText): number {
    const logits = this.model.logits(this.model.featurize(doc, rumorFeatureNames(doc.normalized, this.rebuttals)));
    return sigmoid(gateRumor(logits, this.gate).logOdds);
  }

  score(doc: AnalyzedText): RumorAssessment {
    const { signals, credibility } = assessRumorSignals(doc.normalized);
    const rebuttals = matchRebuttals(doc.normalized, this.rebuttals);
    const logits = this.model.logits(this.model.featurize(doc, signalFeatureNames(signals, rebuttals, credibility)));
    const noClaimForm = detectNoClaimForm(doc.normalized);
    const combined = combineRumorScore(logits, { signals, credibility, rebuttals, noClaimForm }, this.gate);
    const reasons = signals.map((signal) => `${signal.code}:${signal.match}`);
    for (const id of rebuttals) reasons.push(`rebuttal_contradiction:${id}`);
    if (combined.learned >= MODEL_REASON_THRESHOLD) {
      const word = this.strongestWord(doc.tokens, RUMOR);
      if (word) reasons.push(`model:${word}`);
    }
    const lowering = credibility.map((marker) => `${marker.code}:${marker.match}`);
    if (noClaimForm && !combined.claimed) lowering.push(`${noClaimForm.code}:${noClaimForm.match}`);
    if (!combined.claimed && combined.claim < NO_CLAIM_REASON_BELOW) {
      const word = this.strongestWord(doc.tokens, CHATTER);
      lowering.push(`no_claim:${word ?? ''}`);
    }
    return { score: combined.score, reasons, lowering };
  }

  /** The token whose word feature pushes most towards `label`, if any pushes at all. */
  private strongestWord(tokens: readonly string[], label: number): string | undefined {
    let best: string | undefined;
    let bestWeight = 0;
    for (const token of tokens) {
      if (token.length < 2) continue;
      const weight = this.model.contribution(wordFeatureId(token, this.model.features), label);
      if (weight > bestWeight) {
        best = token;
        bestWeight = weight;
      }
    }
    return best;
  }
}

let cached: RumorModel | undefined;

/** The shipped rumor model and rebuttal records, loaded once per process (no network). */
export function loadRumorModel(file = RUMOR_MODEL_FILE): RumorModel {
  if (file !== RUMOR_MODEL_FILE) return new RumorModel(LinearModel.load(file), loadRebuttalRecords());
  cached ??= new RumorModel(LinearModel.load(file), loadRebuttalRecords());
  return cached;
}
