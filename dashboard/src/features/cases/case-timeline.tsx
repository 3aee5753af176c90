import type { CaseTimelineType } from '@liaowang/contract';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../time/format-time';
import { useCaseScope } from './case-context';

/** The case's own append-only record: who, when, what and why, newest first. */
export function CaseTimeline() {
  const { t } = useTranslation();
  const { item } = useCaseScope();
  // `from`/`to` name a case stage, a task state or a statement state, by the kind of entry.
  const stateName = (type: CaseTimelineType, value: string): string => {
    const group = type.startsWith('statement_') ? 'statement.stateName' : type.startsWith('task_') ? 'task.state' : 'state';
    return t(`cases.${group}.${value}` as 'cases.state.receipt', { defaultValue: value });
  };
  return (
    <section className="case-section case-timeline" aria-label={t('cases.timeline.title')}>
      <h2>{t('cases.timeline.title')}</h2>
      <ol className="case-timeline__list" data-testid="case-timeline">
        {[...item.timeline].reverse().map((event, index) => (
          <li key={item.timeline.length - index} data-type={event.type}>
            <time>{formatDateTime(event.at)}</time>
            <span className="case-timeline__what">
              {t(`cases.timeline.${event.type}`)}
              {event.from && event.to && ` ${stateName(event.type, event.from)} → ${stateName(event.type, event.to)}`}
            </span>
            <span className="case-timeline__by">{event.by}</span>
            {(event.reason ?? event.detail) && <span className="case-timeline__why">{event.reason ?? event.detail}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
