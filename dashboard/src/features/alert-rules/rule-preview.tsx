import type { AlertRulePreview } from '@liaowang/contract';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../time/format-time';

// More than this many alerts a day from one rule would flood a night shift.
const FLOOD_PER_DAY = 20;

/** The backtest of a rule over the last days: would it have flooded the night shift? */
export function RulePreview({ preview }: { preview: AlertRulePreview }) {
  const { t } = useTranslation();
  const perDay = preview.alerts / Math.max(1, preview.days);
  return (
    <section className="rule-preview" data-testid="rule-preview" aria-label={t('rules.preview.title')}>
      <p className={perDay > FLOOD_PER_DAY ? 'notice notice--error' : 'notice notice--info'}>
        {t('rules.preview.summary', {
          days: preview.days,
          alerts: preview.alerts,
          matched: preview.matchedItems,
          scanned: preview.itemsScanned,
          per1000: preview.alertsPer1000Items.toFixed(1),
        })}
        {perDay > FLOOD_PER_DAY && ` ${t('rules.preview.flood', { perDay: perDay.toFixed(0) })}`}
        {preview.truncated && ` ${t('rules.preview.truncated')}`}
      </p>
      <ul className="rule-preview__sample">
        {preview.sample.map((item) => (
          <li key={item.id}>
            <span className="alert-detail__meta">{formatDateTime(item.publishedAt)} · {item.hits.join('、')}</span>
            <p>{item.text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
