import { ALERT_MOVES, type Alert, type AlertMove } from '@liaowang/contract';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../time/format-time';
import { AlertCaseLine } from '../cases/alert-case-line';
import { ItemSummaries } from '../items/item-summaries';
import { describeTimelineDetail } from './timeline-detail';

export function canMove(alert: Alert, move: AlertMove): boolean {
  return (ALERT_MOVES[move].from as readonly string[]).includes(alert.state);
}

/** The alert behind a row: the rule version that fired it, its items (masked), its timeline. */
export function AlertDetail({ alert, mayHandle, onMove, onSilence }: { alert: Alert; mayHandle: boolean; onMove(move: AlertMove): void; onSilence?: () => void }) {
  const { t } = useTranslation();
  const keywords = typeof alert.rule.match.keywords === 'string' ? alert.rule.match.keywords : undefined;
  return (
    <section className="alert-detail" data-testid="alert-detail" data-alert-id={alert.id} data-state={alert.state} aria-label={t('alerts.detail')}>
      <header className="alert-detail__head">
        <span className={`severity severity--${alert.severity}`}>{t(`severity.${alert.severity}`)}</span>
        <h2>{alert.rule.name}</h2>
        <span className={`alert-state alert-state--${alert.state}`}>{t(`alerts.state.${alert.state}`)}</span>
      </header>
      <dl className="alert-detail__facts">
        <dt>{t('alerts.ruleVersion')}</dt>
        <dd>v{alert.ruleVersion}{keywords && <code className="alert-detail__query">{keywords}</code>}</dd>
        <dt>{t('alerts.matches')}</dt>
        <dd>{t('alerts.count', { count: alert.count })}</dd>
        <dt>{t('alerts.firstAt')}</dt>
        <dd>{formatDateTime(alert.firstAt)}</dd>
        <dt>{t('alerts.lastAt')}</dt>
        <dd>{formatDateTime(alert.lastAt)}</dd>
        <dt>{t('alerts.reasons')}</dt>
        <dd>{alert.reasons.join('、')}</dd>
      </dl>
      <AlertCaseLine alert={alert} />
      {mayHandle && (
        <div className="alert-detail__actions">
          {(['ack', 'dismiss', 'promote'] as const).map((move) => (
            <button
              key={move}
              type="button"
              className={`button button--small${move === 'ack' ? ' button--primary' : ''}`}
              disabled={!canMove(alert, move)}
              onClick={() => onMove(move)}
              data-testid={`alert-${move}`}
            >
              {t(`alerts.move.${move}`)} <kbd>{move === 'ack' ? 'a' : move === 'dismiss' ? 'd' : 'p'}</kbd>
            </button>
          ))}
          {onSilence && (
            <button type="button" className="button button--small" onClick={onSilence} data-testid="alert-silence">
              {t('alerts.silence.button')}
            </button>
          )}
        </div>
      )}
      <h3>{t('alerts.items')}</h3>
      <ItemSummaries items={alert.items} />
      <h3>{t('alerts.timeline')}</h3>
      <ol className="alert-detail__timeline">
        {alert.timeline.map((event, index) => {
          const detail = describeTimelineDetail(event, t);
          return (
            <li key={index}>
              <time>{formatDateTime(event.at)}</time> {t(`alerts.event.${event.type}`)}
              {event.by && ` · ${event.by}`}
              {detail && ` · ${detail}`}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
