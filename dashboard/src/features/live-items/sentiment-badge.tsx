import type { SentimentLabel } from '@liaowang/contract';
import { useTranslation } from 'react-i18next';

/** Sentiment as a word in a coloured badge; the word carries the meaning, the colour helps scanning. */
export function SentimentBadge({ label, score }: { label: SentimentLabel; score: number }) {
  const { t } = useTranslation();
  return (
    <span
      className={`badge badge--${label}`}
      data-testid="sentiment-badge"
      data-sentiment={label}
      title={`${t('sentiment.label')}: ${t(`sentiment.${label}`)} (${score.toFixed(2)})`}
    >
      {t(`sentiment.${label}`)}
    </span>
  );
}
