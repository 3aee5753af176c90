import { combineRumorScore, type ClaimGate, type RumorScoreEvidence } from '@liaowang/nlp';
import { rocAuc } from './metrics';

// Fits the claim gate (see gateRumor) on out-of-fold log-odds of the training part, never on dev.

export interface GateFitRow {
  /** Out-of-fold log-odds of the two heads [rumor, chatter]. */
  logits: readonly number[];
  evidence: RumorScoreEvidence;
  /** 'ced' rows rank rumors against non-rumors; 'everyday' rows are false alarms when flagged. */
  source: 'ced' | 'everyday';
  rumor: boolean;
}

export interface GateFitSettings {
  weights: readonly number[];
  confidentFrom: readonly number[];
  /** Share of everyday posts the alert threshold may flag (out-of-fold). */
  falseAlarms: number;
  /** At most this much CED ROC-AUC may be given up against the ungated rumor head. */
  maxAucLoss: number;
  /** The alert threshold the shift maps the false-alarm cut onto. */
  alertThreshold: number;
}

export interface GateFit {
  gate: ClaimGate;
  /** Out-of-fold CED recall at the false-alarm cut, CED ROC-AUC with and without the gate. */
  recall: number;
  auc: number;
  ungatedAuc: number;
}

const logit = (p: number): number => Math.log(p / (1 - p));

function evaluateGate(rows: readonly GateFitRow[], gate: ClaimGate, falseAlarms: number): { recall: number; auc: number; cut: number } {
  const scores = rows.map((row) => combineRumorScore(row.logits, row.evidence, gate).score);
  const everyday = scores.filter((_, i) => rows[i].source === 'everyday').sort((a, b) => b - a);
  const cut = everyday[Math.floor(falseAlarms * everyday.length)];
  const ced = rows.map((row, i) => ({ row, score: scores[i] })).filter(({ row }) => row.source === 'ced');
  const rumors = ced.filter(({ row }) => row.rumor);
  const recall = rumors.filter(({ score }) => score > cut).length / rumors.length;
  const auc = rocAuc(
    ced.map(({ row }) => row.rumor),
    ced.map(({ score }) => score),
  );
  return { recall, auc, cut };
}

/**
 * The gate that catches the most CED rumors while flagging at most `falseAlarms` of the everyday
 * posts, among those that keep CED's ranking (ROC-AUC within `maxAucLoss` of the ungated rumor
 * head); ties go to the gentler gate. Then the shift that puts that cut on the alert threshold, so
 * the threshold means "this share of everyday posts" whatever the gate.
 */
export function fitClaimGate(rows: readonly GateFitRow[], settings: GateFitSettings): GateFit {
  const ungated = evaluateGate(rows, { weight: 0, confidentFrom: 0, scoreShift: 0 }, settings.falseAlarms);
  let best: { gate: ClaimGate; recall: number; auc: number; cut: number } = { gate: { weight: 0, confidentFrom: 0, scoreShift: 0 }, ...ungated };
  for (const weight of settings.weights) {
    for (const confidentFrom of [...settings.confidentFrom].sort((a, b) => b - a)) {
      const gate = { weight, confidentFrom, scoreShift: 0 };
      const result = evaluateGate(rows, gate, settings.falseAlarms);
      if (result.auc >= ungated.auc - settings.maxAucLoss && result.recall > best.recall) best = { gate, ...result };
    }
  }
  const clamped = Math.min(Math.max(best.cut, 1e-9), 1 - 1e-9);
  const scoreShift = Math.round((logit(settings.alertThreshold) - logit(clamped)) * 1000) / 1000;
  return { gate: { ...best.gate, scoreShift }, recall: best.recall, auc: best.auc, ungatedAuc: ungated.auc };
}
