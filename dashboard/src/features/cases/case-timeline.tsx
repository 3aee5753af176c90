import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../time/format-time';
import { useCaseScope } from './case-context';

/** The case's own append-only record: who, when, what and why, newest first. */
export function CaseTimeline() {
  const { t } = useTranslation();
  const { item } = useCaseScope();
  return (
    <section className="case-section case-timeline" aria-label={t('cases.timeline.title')}>
      <h2>{t('cases.timeline.title')}</h2>
      <ol className="case-timeline__list" data-testid="case-timeline">
        {[...item.timeline].reverse().map((event, index) => (
          <li key={item.timeline.length - index} data-type={event.type}>
            <time>{formatDateTime(event.at)}</time>
            <span className="case-timeline__what">
              {t(`cases.timeline.${event.type}`)}
              {event.from && event.to && ` ${t(`cases.state.${event.from as 'receipt'}`, { defaultValue: event.from })} → ${t(`cases.state.${event.to as 'receipt'}`, { defaultValue: event.to })}`}
            </span>
            <span className="case-timeline__by">{event.by}</span>
            {(event.reason ?? event.detail) && <span className="case-timeline__why">{event.reason ?? event.detail}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
