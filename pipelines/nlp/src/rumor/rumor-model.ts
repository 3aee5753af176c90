import * as path from 'node:path';
import type { AnalyzedText } from '../analyzed-text';
import { LinearModel, MODELS_DIR, type ClaimGate } from '../sentiment/linear-model';
import { gateRumor, sigmoid } from './claim-gate';
import { MODEL_VERSION } from '../sentiment/model-version.constant';
import { wordFeatureId } from '../text/hashed-features';
import { loadRebuttalRecords, matchRebuttals, type RebuttalRecord } from './rebuttal-records';
import { assessRumorSignals, type CredibilitySignal, type CredibilitySignalCode, type RumorSignal, type RumorSignalCode } from './rumor-signals';

export const RUMOR_MODEL_FILE = path.join(MODELS_DIR, 'rumor.model.json');
// One table, three classes (nlp-1.3.0): chatter is an everyday post making no claim of fact
// (the sentiment sets' posts), non-rumor and rumor are CED's. The score is P(rumor).
const LABELS = ['chatter', 'non-rumor', 'rumor'];
const CHATTER = 0;
const RUMOR = 2;
export const RUMOR_MODEL_LABELS: readonly string[] = LABELS;

/** A post repeating a claim an authority already refuted is high-risk whatever the model says. */
const REBUTTAL_FLOOR = 0.9;
// Log-odds each signal adds on top of the learned model. Set by hand from what the signals mean,
// not fitted: CED's 2010–2014 posts teach the model little about them, and fitting on the
// evaluation sets would flatter the figures.
const SIGNAL_LOG_ODDS: Record<RumorSignalCode, number> = {
  hearsay: 1,
  forward_bait: 1,
  urgency: 0.5,
  unsourced_disaster: 0.5,
  unsourced_epidemic: 0.5,
  unsourced_police: 0.5,
  unsourced_official_decision: 0.5,
  exclamation_run: 0.5,
  conspiracy: 0.5,
  health_cure_claim: 1,
};
// Log-odds each credibility marker subtracts, also set by hand before any evaluation run:
// naming an authority (据XX通报, a byline, 来源:, 据@XX发布) counts most; the reporting style
// (【headline】 lead, dateline, counted figures) a little each, as rumors imitate it.
const CREDIBILITY_LOG_ODDS: Record<CredibilitySignalCode, number> = {
  authority_attribution: -1,
  news_headline: -0.5,
  report_dateline: -0.5,
  report_figures: -0.5,
};

/**
 * Signals that mark a claim passed on as true (hearsay, a call to forward it, a cure, "they won't
 * tell you"): they lift the chatter gate. A topic word alone (疫情, 警察, 停课) does not: everyday
 * posts talk about those all the time.
 */
const CLAIM_SIGNALS: ReadonlySet<RumorSignalCode> = new Set<RumorSignalCode>(['hearsay', 'forward_bait', 'conspiracy', 'health_cure_claim']);
/** Style alone, no claim: scaled by P(claim). */
const STYLE_SIGNALS: ReadonlySet<RumorSignalCode> = new Set<RumorSignalCode>(['urgency', 'exclamation_run']);
const NO_GATE: ClaimGate = { chatterShift: 0, weight: 0 };

/** Above this model probability the reasons name the word that pushed the score most. */
const MODEL_REASON_THRESHOLD = 0.5;
/** Above this chatter probability (after the gate's prior correction) `lowering` names the word that most marks the post as chatter. */
const CHATTER_REASON_THRESHOLD = 0.5;

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

/** R-ENR-3: the learned model over text and signal features, plus rebuttals on record. */
export class RumorModel {
  readonly version: string;
  private readonly gate: ClaimGate;

  constructor(
    private readonly model: LinearModel,
    private readonly rebuttals: readonly RebuttalRecord[],
  ) {
    if (model.labels.join() !== LABELS.join()) throw new Error(`rumor model labels ${model.labels.join()}`);
    if (model.version !== MODEL_VERSION) throw new Error(`rumor model ${model.version}, code expects ${MODEL_VERSION}`);
    if (!model.claimGate) throw new Error('rumor model has no claim gate');
    this.version = model.version;
    this.gate = model.claimGate;
  }

  /** Probability from the learned model alone (used by evaluation to show what rules add). */
  modelProbability(doc: AnalyzedText): number {
    const probabilities = this.model.probabilities(this.model.featurize(doc, rumorFeatureNames(doc.normalized, this.rebuttals)));
    return sigmoid(gateRumor(probabilities, this.gate).logOdds);
  }

  score(doc: AnalyzedText): RumorAssessment {
    const { signals, credibility } = assessRumorSignals(doc.normalized);
    const rebuttals = matchRebuttals(doc.normalized, this.rebuttals);
    const probabilities = this.model.probabilities(this.model.featurize(doc, signalFeatureNames(signals, rebuttals, credibility)));
    // The claim detector: a rule signal that is itself a claim of fact (hearsay, forward bait, an
    // unsourced event, danger, decision or cure, a refuted claim) lifts the chatter gate.
    const claimed = rebuttals.length > 0 || signals.some((signal) => CLAIM_SIGNALS.has(signal.code));
    const gated = gateRumor(probabilities, claimed ? NO_GATE : this.gate);
    const probability = sigmoid(gated.logOdds);
    const reasons = signals.map((signal) => `${signal.code}:${signal.match}`);
    for (const id of rebuttals) reasons.push(`rebuttal_contradiction:${id}`);
    if (probability >= MODEL_REASON_THRESHOLD) {
      const word = this.strongestWord(doc.tokens, RUMOR);
      if (word) reasons.push(`model:${word}`);
    }
    // Style signals count in proportion to how much the post reads as a claim: "！！" or "赶紧"
    // in a complaint about a late bus is no chain message.
    const claim = gated.claim;
    let logOdds = gated.logOdds;
    for (const signal of signals) logOdds += (STYLE_SIGNALS.has(signal.code) ? claim : 1) * SIGNAL_LOG_ODDS[signal.code];
    for (const marker of credibility) logOdds += CREDIBILITY_LOG_ODDS[marker.code];
    const combined = 1 / (1 + Math.exp(-logOdds));
    const score = rebuttals.length > 0 ? Math.max(combined, REBUTTAL_FLOOR) : combined;
    const lowering = credibility.map((marker) => `${marker.code}:${marker.match}`);
    if (!claimed && claim <= 1 - CHATTER_REASON_THRESHOLD) {
      const word = this.strongestWord(doc.tokens, CHATTER);
      lowering.push(`no_claim:${word ?? ''}`);
    }
    return { score, reasons, lowering };
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
