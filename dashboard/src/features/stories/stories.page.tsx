import { STORY_SORTS, type StoryDetailResponse, type StoryListResponse, type StorySummary } from '@liaowang/contract';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbortError } from '../../api/api-error';
import { useSignedIn } from '../../app/auth-context';
import { formatDateTime } from '../../time/format-time';
import { SpikesPanel } from '../spikes/spikes-panel';
import { ItemSummaries } from '../items/item-summaries';
import { HotWordsPanel } from './hot-words-panel';

type Sort = (typeof STORY_SORTS)[number];

/** R-ENR-6: the stories the posts tell, hottest first, and the items of the one opened. */
export function StoriesPage() {
  const { t } = useTranslation();
  const { api } = useSignedIn();
  const [sort, setSort] = useState<Sort>('velocity');
  const [words, setWords] = useState('');
  const [stories, setStories] = useState<StorySummary[]>([]);
  const [open, setOpen] = useState<StoryDetailResponse | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    const filter = words.trim() ? `&q=${encodeURIComponent(words.trim())}` : '';
    api.call<StoryListResponse>(`/stories?sort=${sort}&size=50${filter}`, { signal: controller.signal }).then(
      (page) => setStories(page.stories),
      (error: unknown) => {
        if (!isAbortError(error)) setFailed(true);
      },
    );
    return () => controller.abort();
  }, [api, sort, words]);

  const show = (id: string) =>
    void api.call<StoryDetailResponse>(`/stories/${encodeURIComponent(id)}`).then(setOpen, () => setFailed(true));

  return (
    <div className="stories-page" data-testid="stories-page">
      <div className="alert-inbox__bar">
        <h1>{t('stories.title')}</h1>
        <input
          type="search"
          className="search__input"
          value={words}
          placeholder={t('stories.filterPlaceholder')}
          aria-label={t('stories.filter')}
          onChange={(event) => setWords(event.target.value)}
        />
        <div className="alert-inbox__filters" role="group" aria-label={t('stories.sort')}>
          {STORY_SORTS.map((name) => (
            <button
              key={name}
              type="button"
              className={`button button--small${name === sort ? ' button--primary' : ''}`}
              onClick={() => setSort(name)}
            >
              {t(`stories.sorts.${name}`)}
            </button>
          ))}
        </div>
      </div>
      <SpikesPanel />
      {failed && <p className="notice notice--error">{t('stories.loadError')}</p>}
      <div className="alert-inbox__body">
        <div className="stories__list">
          <table className="rules-table">
            <thead>
              <tr>
                <th>{t('stories.story')}</th>
                <th>{t('stories.volume')}</th>
                <th>{t('stories.velocity')}</th>
                <th>{t('stories.authors')}</th>
                <th>{t('stories.risk')}</th>
                <th>{t('stories.lastSeen')}</th>
              </tr>
            </thead>
            <tbody>
              {stories.map((story) => (
                <tr
                  key={story.id}
                  onClick={() => show(story.id)}
                  data-testid="story-row"
                  aria-selected={open?.story.id === story.id}
                >
                  <td className="stories__title">{story.title}</td>
                  <td>{story.volume}</td>
                  <td>
                    {story.velocity.current}
                    {story.velocity.change !== 0 && (
                      <span className={story.velocity.change > 0 ? 'stories__up' : 'stories__down'}>
                        {story.velocity.change > 0 ? ` ▲${story.velocity.change}` : ` ▼${-story.velocity.change}`}
                      </span>
                    )}
                  </td>
                  <td>{story.authors}</td>
                  <td>{story.rumor.peak.toFixed(2)}</td>
                  <td>{formatDateTime(story.lastSeen)}</td>
                </tr>
              ))}
              {stories.length === 0 && (
                <tr>
                  <td colSpan={6} className="alert-list__empty">
                    {t('stories.empty')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        {open && (
          <section className="alert-detail" data-testid="story-detail">
            <h2>{open.story.title}</h2>
            <dl className="alert-detail__facts">
              <dt>{t('stories.firstSeen')}</dt>
              <dd>{formatDateTime(open.story.firstSeen)}</dd>
              <dt>{t('stories.platforms')}</dt>
              <dd>
                {open.story.platforms
                  .map((p) => `${t(`platform.${p.key}`, { defaultValue: p.key })} ${p.count}`)
                  .join('、')}
              </dd>
              <dt>{t('stories.sentiment')}</dt>
              <dd>
                {t('sentiment.negative')} {open.story.sentiment.negative} · {t('sentiment.neutral')}{' '}
                {open.story.sentiment.neutral} · {t('sentiment.positive')} {open.story.sentiment.positive}
              </dd>
            </dl>
            <HotWordsPanel story={open.story} />
            <h3>{t('stories.items', { count: open.items.length })}</h3>
            <ItemSummaries items={open.items} />
          </section>
        )}
      </div>
    </div>
  );
}
