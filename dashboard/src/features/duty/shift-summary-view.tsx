import { ALERT_STATES, type ShiftSummary } from '@liaowang/contract';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../time/format-time';

/** The generated part of a handover: alerts of the shift by state and rule, what is open now. */
export function ShiftSummaryView({ summary }: { summary: ShiftSummary }) {
  const { t } = useTranslation();
  return (
    <div className="shift-summary" data-testid="shift-summary">
      <p className="handover-card__meta">{t('duty.summary.period', { from: formatDateTime(summary.from), to: formatDateTime(summary.to) })}</p>
      <dl>
        <dt>{t('duty.summary.raised')}</dt>
        <dd data-testid="summary-raised">{summary.alertsRaised}</dd>
        <dt>{t('duty.summary.byState')}</dt>
        <dd>{ALERT_STATES.map((state) => `${t(`alerts.state.${state}`)} ${summary.alertsByState[state]}`).join(' · ')}</dd>
        <dt>{t('duty.summary.byRule')}</dt>
        <dd>{summary.alertsByRule.length === 0 ? t('duty.summary.none') : summary.alertsByRule.map((r) => `${r.name} ×${r.count}`).join('，')}</dd>
        <dt>{t('duty.summary.open')}</dt>
        <dd>{summary.openAlerts}</dd>
        <dt>{t('duty.summary.openCases')}</dt>
        <dd>{summary.openCases.length === 0 ? t('duty.summary.notYet') : summary.openCases.map((c) => c.title).join('，')}</dd>
        <dt>{t('duty.summary.stories')}</dt>
        <dd>{summary.notableStories.length === 0 ? t('duty.summary.notYet') : summary.notableStories.map((s) => s.title).join('，')}</dd>
        <dt>{t('duty.summary.comments')}</dt>
        <dd>{summary.unansweredComments.length === 0 ? t('duty.summary.notYet') : summary.unansweredComments.length}</dd>
      </dl>
    </div>
  );
}
