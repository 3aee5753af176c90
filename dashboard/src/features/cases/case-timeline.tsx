import { describeTimelineEvent } from '@liaowang/contract';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../time/format-time';
import { useCaseScope } from './case-context';

/** The case's own append-only record: who, when, what and why, newest first, in words (the case report says it the same way). */
export function CaseTimeline() {
  const { t, i18n } = useTranslation();
  const { item } = useCaseScope();
  const language = i18n.language.startsWith('en') ? 'en' : 'zh-CN';
  return (
    <section className="case-section case-timeline" aria-label={t('cases.timeline.title')}>
      <h2>{t('cases.timeline.title')}</h2>
      <ol className="case-timeline__list" data-testid="case-timeline">
        {[...item.timeline].reverse().map((event, index) => {
          const words = describeTimelineEvent(event, item, language);
          return (
            <li key={item.timeline.length - index} data-type={event.type}>
              <time>{formatDateTime(event.at)}</time>
              <span className="case-timeline__what">{words.what}</span>
              <span className="case-timeline__by">{event.by}</span>
              {words.detail && <span className="case-timeline__why" data-testid="case-timeline-detail">{words.detail}</span>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
