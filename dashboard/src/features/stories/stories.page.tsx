import { STORY_SORTS } from '@liaowang/contract';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useSignedIn } from '../../app/auth-context';
import { useLiveEvent } from '../../app/live-connection';
import { routePath } from '../../app/routes';
import { formatDateTime } from '../../time/format-time';
import { SpikesPanel } from '../spikes/spikes-panel';
import { ItemSummaries } from '../items/item-summaries';
import { HotWordsPanel } from './hot-words-panel';
import { storiesTouched, storyDetailQuery, storyKeys, storyListQuery, type StorySort } from './story-queries';

// Items are indexed a few batches a second at peaks: refetch the stories they grew at most this often.
const LIVE_REFRESH_MS = 10_000;

/** Newly indexed items that join stories make the story list and the open story stale. */
function useStoriesFollowItems(): void {
  const queryClient = useQueryClient();
  const touched = useRef(new Set<string>());
  const timer = useRef(0);
  useLiveEvent('items:indexed', (items) => {
    if (!Array.isArray(items)) return;
    for (const id of storiesTouched(items)) touched.current.add(id);
    if (touched.current.size === 0 || timer.current) return;
    timer.current = window.setTimeout(() => {
      timer.current = 0;
      const ids = touched.current;
      touched.current = new Set();
      void queryClient.invalidateQueries({ queryKey: storyKeys.lists });
      for (const id of ids) void queryClient.invalidateQueries({ queryKey: storyKeys.detail(id) });
    }, LIVE_REFRESH_MS);
  });
  useEffect(() => () => window.clearTimeout(timer.current), []);
}

/** R-ENR-6: the stories the posts tell, hottest first; `/stories/<id>` opens one with its items. */
export function StoriesPage() {
  const { t } = useTranslation();
  const { api } = useSignedIn();
  const navigate = useNavigate();
  const { id: openId } = useParams();
  const [sort, setSort] = useState<StorySort>('velocity');
  const [words, setWords] = useState('');
  const list = useQuery({ ...storyListQuery(api, sort, words.trim()), placeholderData: keepPreviousData });
  const detail = useQuery({ ...storyDetailQuery(api, openId ?? ''), enabled: openId !== undefined });
  useStoriesFollowItems();
  const stories = list.data?.stories ?? [];
  const open = openId !== undefined ? detail.data : undefined;
  const failed = list.isError || detail.isError;
  const show = (id: string) => void navigate(routePath('stories', id));

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
                  aria-selected={openId === story.id}
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
              {open.story.regions.length > 0 && (
                <>
                  {/* The provinces its items are placed in; an item placed nowhere counts under the region it was sent with. */}
                  <dt>{t('stories.regions')}</dt>
                  <dd data-testid="story-regions">{open.story.regions.map((r) => `${r.key} ${r.count}`).join('、')}</dd>
                </>
              )}
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
