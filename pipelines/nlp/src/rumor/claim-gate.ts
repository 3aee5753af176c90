import type { ClaimGate } from '../sentiment/linear-model';

const EPSILON = 1e-9;

export interface GatedRumor {
  /** Log-odds of the learned part: P(rumor | claim) lowered by how little the post reads as a claim. */
  logOdds: number;
  /** P(claim) = 1 − P(chatter), after the gate's prior correction. */
  claim: number;
}

/**
 * The learned rumor score from the three class probabilities [chatter, non-rumor, rumor]: CED's
 * rumor-vs-non-rumor odds, plus `weight` × log P(claim). A post the model reads as everyday
 * chatter (praise, a complaint, a question) is lowered; a claim of fact keeps its CED odds.
 */
export function gateRumor(probabilities: readonly number[], gate: ClaimGate): GatedRumor {
  const [chatter, nonRumor, rumor] = probabilities;
  const conditional = Math.min(Math.max(rumor / Math.max(rumor + nonRumor, EPSILON), EPSILON), 1 - EPSILON);
  const shifted = (chatter * Math.exp(gate.chatterShift)) / (chatter * Math.exp(gate.chatterShift) + (1 - chatter));
  const claim = Math.max(1 - shifted, EPSILON);
  return { logOdds: Math.log(conditional / (1 - conditional)) + gate.weight * Math.log(claim), claim };
}

export const sigmoid = (logOdds: number): number => 1 / (1 + Math.exp(-logOdds));
