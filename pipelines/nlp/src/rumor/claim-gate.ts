import type { ClaimGate } from '../sentiment/linear-model';

export interface GatedRumor {
  /** Log-odds of the learned part: the rumor head, lowered where the chatter head is confident, then shifted. */
  logOdds: number;
  /** How much the post reads as a claim of fact, 0–1: 0.5 where the chatter head's confidence begins. */
  claim: number;
}

/**
 * The learned rumor score from the two heads' log-odds [rumor, chatter] (nlp-1.4.0). CED's rumor
 * head ranks claims among claims; the chatter head lowers posts it is confident make no claim
 * (praise, a complaint, a question): by `weight` × softplus(chatter − confidentFrom), about
 * weight × the excess past the cut and next to nothing well below it, so the ranking of claim-like
 * posts is left nearly as the rumor head has it. `scoreShift` is added in every case (see ClaimGate).
 */
export function gateRumor(logits: readonly number[], gate: ClaimGate): GatedRumor {
  const [rumor, chatter] = logits;
  const excess = chatter - gate.confidentFrom;
  return { logOdds: rumor - gate.weight * softplus(excess) + gate.scoreShift, claim: sigmoid(-excess) };
}

/** log(1 + e^x) without overflow. */
function softplus(x: number): number {
  return x > 30 ? x : Math.log1p(Math.exp(x));
}

export const sigmoid = (logOdds: number): number => 1 / (1 + Math.exp(-logOdds));
