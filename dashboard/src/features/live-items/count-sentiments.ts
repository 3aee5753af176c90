import { SENTIMENT_LABELS, type ItemSummary, type SentimentLabel } from '@liaowang/contract';

export interface SentimentCount {
  label: SentimentLabel;
  count: number;
  /** 0–1 of the listed items. */
  share: number;
}

/** Counts per sentiment, always all three labels in contract order (negative, neutral, positive). */
export function countSentiments(items: readonly ItemSummary[]): SentimentCount[] {
  const counts = new Map<SentimentLabel, number>(SENTIMENT_LABELS.map((label) => [label, 0]));
  for (const item of items) counts.set(item.sentiment.label, (counts.get(item.sentiment.label) ?? 0) + 1);
  const total = items.length;
  return SENTIMENT_LABELS.map((label) => {
    const count = counts.get(label) ?? 0;
    return { label, count, share: total ? count / total : 0 };
  });
}

// One palette for badges and charts. Colour backs up the text label; it never replaces it (R-UI-5).
export const SENTIMENT_COLORS: Record<SentimentLabel, string> = {
  negative: '#b3261e',
  neutral: '#5f6b7a',
  positive: '#1e7b45',
};
