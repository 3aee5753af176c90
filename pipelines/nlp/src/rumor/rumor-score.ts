import type { ClaimGate } from '../sentiment/linear-model';
import { gateRumor, sigmoid } from './claim-gate';
import type { CredibilitySignal, CredibilitySignalCode, NoClaimForm, RumorSignal, RumorSignalCode } from './rumor-signals';

// How the learned heads and the hand-set rule signals make one rumor score. One function for
// serving (RumorModel) and for training, which fits the claim gate on the out-of-fold scores.

/** A post repeating a claim an authority already refuted is high-risk whatever the model says. */
export const REBUTTAL_FLOOR = 0.9;
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
  // nlp-1.4.0: the set forms of an official notice count as naming the authority does.
  official_notice: -1,
  news_headline: -0.5,
  report_dateline: -0.5,
  report_figures: -0.5,
};

// Thanks, praise or an appeal in the author's own voice (nlp-1.4.0), an office's own notice or a plain
// question (nlp-1.6.0), with no claim signal: set by hand like the markers above, as CED's rumor head
// reads short grateful, pleading or announcing posts as risky (its rumors say 通知 and 求转发).
const NO_CLAIM_FORM_LOG_ODDS = -1.5;

/**
 * Signals that mark a claim passed on as true (hearsay, a call to forward it, a cure, "they won't
 * tell you"): they lift the chatter gate. A topic word alone (疫情, 警察, 停课) does not: everyday
 * posts talk about those all the time.
 */
const CLAIM_SIGNALS: ReadonlySet<RumorSignalCode> = new Set<RumorSignalCode>(['hearsay', 'forward_bait', 'conspiracy', 'health_cure_claim']);
/** Style alone, no claim: scaled by how much the post reads as a claim. */
const STYLE_SIGNALS: ReadonlySet<RumorSignalCode> = new Set<RumorSignalCode>(['urgency', 'exclamation_run']);

export interface RumorScoreEvidence {
  signals: readonly RumorSignal[];
  credibility: readonly CredibilitySignal[];
  /** Ids of refuted claims on record the post repeats. */
  rebuttals: readonly string[];
  /** The post's form that passes on no claim (thanks, a notice, a question: detectNoClaimForm), if any. */
  noClaimForm?: NoClaimForm;
}

export interface CombinedRumorScore {
  score: number;
  /** The learned part alone (gate and shift included), as a probability. */
  learned: number;
  /** 0–1, how much the post reads as a claim (1 when a claim signal lifted the gate). */
  claim: number;
  /** A claim signal or a refuted claim on record lifted the chatter gate. */
  claimed: boolean;
}

/**
 * The claim detector's rule side: a claim of fact passed on as true (hearsay, forward bait, a
 * cure, "they won't tell you", a refuted claim on record).
 */
export function hasClaimSignal(evidence: RumorScoreEvidence): boolean {
  return evidence.rebuttals.length > 0 || evidence.signals.some((signal) => CLAIM_SIGNALS.has(signal.code));
}

/** The rumor score of a post from its heads' log-odds [rumor, chatter] and its rule evidence. */
export function combineRumorScore(logits: readonly number[], evidence: RumorScoreEvidence, gate: ClaimGate): CombinedRumorScore {
  // A claim signal lifts the chatter gate whatever the chatter head says.
  const claimed = hasClaimSignal(evidence);
  const gated = gateRumor(logits, claimed ? { ...gate, weight: 0 } : gate);
  const claim = claimed ? 1 : gated.claim;
  let logOdds = gated.logOdds;
  // Style signals count in proportion to how much the post reads as a claim: "！！" or "赶紧"
  // in a complaint about a late bus is no chain message.
  for (const signal of evidence.signals) logOdds += (STYLE_SIGNALS.has(signal.code) ? claim : 1) * SIGNAL_LOG_ODDS[signal.code];
  for (const marker of evidence.credibility) logOdds += CREDIBILITY_LOG_ODDS[marker.code];
  if (evidence.noClaimForm && !claimed) logOdds += NO_CLAIM_FORM_LOG_ODDS;
  const combined = sigmoid(logOdds);
  const score = evidence.rebuttals.length > 0 ? Math.max(combined, REBUTTAL_FLOOR) : combined;
  return { score, learned: sigmoid(gated.logOdds), claim, claimed };
}
