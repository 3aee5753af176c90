import type { Alert } from '@liaowang/contract';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../time/format-time';

/** One alert in the inbox list: severity, rule, how many matches, when, state. */
export function AlertRow({ alert, selected, onSelect }: { alert: Alert; selected: boolean; onSelect(): void }) {
  const { t } = useTranslation();
  return (
    <li
      className={`alert-row alert-row--${alert.state}${selected ? ' alert-row--selected' : ''}`}
      data-testid="alert-row"
      data-alert-id={alert.id}
      data-state={alert.state}
      aria-selected={selected}
      onClick={onSelect}
    >
      <span className={`severity severity--${alert.severity}`}>{t(`severity.${alert.severity}`)}</span>
      <span className="alert-row__rule">{alert.rule.name}</span>
      {alert.count > 1 && <span className="alert-row__count">{t('alerts.count', { count: alert.count })}</span>}
      <span className="alert-row__text">{alert.items[0]?.text}</span>
      <span className="alert-row__time">{formatDateTime(alert.lastAt)}</span>
      <span className={`alert-state alert-state--${alert.state}`}>{t(`alerts.state.${alert.state}`)}</span>
    </li>
  );
}
