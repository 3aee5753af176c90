// Evaluation figures: accuracy, macro-F1 and confusion matrix for classes; ROC-AUC and
// precision/recall at a threshold for scores.

export interface ClassificationReport {
  accuracy: number;
  macroF1: number;
  labels: string[];
  /** confusion[gold][predicted] */
  confusion: number[][];
  perClass: Array<{ label: string; precision: number; recall: number; f1: number }>;
}

export function classificationReport(gold: readonly string[], predicted: readonly string[], labels: readonly string[]): ClassificationReport {
  const index = new Map(labels.map((label, i) => [label, i]));
  const confusion = labels.map(() => labels.map(() => 0));
  let correct = 0;
  gold.forEach((label, i) => {
    confusion[index.get(label)!][index.get(predicted[i])!]++;
    if (label === predicted[i]) correct++;
  });
  const perClass = labels.map((label, k) => {
    const tp = confusion[k][k];
    const predictedK = confusion.reduce((sum, row) => sum + row[k], 0);
    const goldK = confusion[k].reduce((sum, value) => sum + value, 0);
    const precision = predictedK ? tp / predictedK : 0;
    const recall = goldK ? tp / goldK : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1 };
  });
  return {
    accuracy: gold.length ? correct / gold.length : 0,
    macroF1: perClass.reduce((sum, c) => sum + c.f1, 0) / labels.length,
    labels: [...labels],
    confusion,
    perClass,
  };
}

/** ROC-AUC by the rank-sum (Mann–Whitney) formula; ties count one half. */
export function rocAuc(positive: readonly boolean[], scores: readonly number[]): number {
  const order = scores.map((score, i) => ({ score, positive: positive[i] })).sort((a, b) => a.score - b.score);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j].score === order[i].score) j++;
    const averageRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (order[k].positive) {
        rankSum += averageRank;
        positives++;
      }
    }
    i = j;
  }
  const negatives = order.length - positives;
  if (!positives || !negatives) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export interface ThresholdReport {
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
}

export function atThreshold(positive: readonly boolean[], scores: readonly number[], threshold: number): ThresholdReport {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  scores.forEach((score, i) => {
    if (score >= threshold) {
      if (positive[i]) tp++;
      else fp++;
    } else if (positive[i]) fn++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return { threshold, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Mean negative log-likelihood of the gold classes: the calibration loss. */
export function logLoss(probabilityOfGold: readonly number[]): number {
  return probabilityOfGold.reduce((sum, p) => sum - Math.log(Math.max(p, 1e-12)), 0) / probabilityOfGold.length;
}
