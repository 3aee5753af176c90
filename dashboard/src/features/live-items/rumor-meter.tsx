import { useTranslation } from 'react-i18next';

export type RumorLevel = 'high' | 'medium' | 'low';

// Bands for display only; alert thresholds live in the alert rules (R-ALR-1).
export function rumorLevel(score: number): RumorLevel {
  if (score >= 0.7) return 'high';
  if (score >= 0.4) return 'medium';
  return 'low';
}

/** Rumor-risk score (R-ENR-3) as a number, a level word and a bar. */
export function RumorMeter({ score }: { score: number }) {
  const { t } = useTranslation();
  const clamped = Math.min(1, Math.max(0, score));
  const level = rumorLevel(clamped);
  const value = clamped.toFixed(2);
  return (
    <div
      className={`rumor rumor--${level}`}
      data-testid="rumor-score"
      data-score={value}
      role="meter"
      aria-valuemin={0}
      aria-valuemax={1}
      aria-valuenow={clamped}
      aria-label={t('rumor.aria', { score: value, level: t(`rumor.${level}`) })}
    >
      <div className="rumor__text">
        <span className="rumor__value">{value}</span>
        <span className="rumor__level">{t(`rumor.${level}`)}</span>
      </div>
      <div className="rumor__track" aria-hidden="true">
        <div className="rumor__bar" style={{ width: `${clamped * 100}%` }} />
      </div>
    </div>
  );
}
