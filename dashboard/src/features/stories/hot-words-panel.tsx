import type { HotWords } from '@liaowang/contract';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../app/auth-context';
import { cloudSizes, storyWindow } from './hot-words-cloud';
import { storyKeys } from './story-queries';

/** The words that rise among a story's items against all items, as a tag cloud or, on request, a table (R-UI-5). */
export function HotWordsPanel({ story }: { story: { id: string; firstSeen: string; lastSeen: string } }) {
  const { t } = useTranslation();
  const { api } = useSignedIn();
  const [asTable, setAsTable] = useState(false);
  const { since, until } = storyWindow(story);
  const query = useQuery({
    queryKey: storyKeys.hotWords(story.id, since, until),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ since, until, storyId: story.id, size: '30' });
      return api.call<HotWords>(`/stats/hot-words?${params}`, { signal });
    },
  });
  const hot = query.data;
  const failed = query.isError;

  const sizes = useMemo(() => cloudSizes(hot?.words ?? []), [hot]);
  const words = hot?.words ?? [];

  return (
    <section className="panel" aria-labelledby="hot-words-title" data-testid="hot-words-panel">
      <header className="panel__header">
        <div>
          <h3 className="panel__title" id="hot-words-title">
            {t('stories.hotWords.title')}
          </h3>
          <p className="panel__sub">{t('stories.hotWords.scope')}</p>
        </div>
        <button type="button" className="button button--small" data-testid="hot-words-view-toggle" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
          {asTable ? t('chart.showChart') : t('chart.showTable')}
        </button>
      </header>
      {failed && <p className="notice notice--error">{t('stories.hotWords.loadError')}</p>}
      {hot && words.length === 0 && <p className="panel__sub">{t('stories.hotWords.empty')}</p>}
      {words.length > 0 &&
        (asTable ? (
          <table className="data-table" data-testid="hot-words-table">
            <thead>
              <tr>
                <th scope="col">{t('stories.hotWords.word')}</th>
                <th scope="col" className="num">
                  {t('stories.hotWords.count')}
                </th>
                <th scope="col" className="num">
                  {t('stories.hotWords.background')}
                </th>
                <th scope="col" className="num">
                  {t('stories.hotWords.score')}
                </th>
              </tr>
            </thead>
            <tbody>
              {words.map((w) => (
                <tr key={w.word}>
                  <th scope="row">{w.word}</th>
                  <td className="num">{w.count}</td>
                  <td className="num">{w.backgroundCount}</td>
                  <td className="num">{w.score.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          // Spans in a list role, not <li>: the story's items below are the detail's list items.
          <div className="hot-words" role="list" aria-label={t('stories.hotWords.title')} data-testid="hot-words-cloud">
            {sizes.map((s, i) => (
              <span
                key={s.word}
                role="listitem"
                className="hot-words__word"
                style={{ fontSize: `${s.px}px` }}
                title={t('stories.hotWords.tip', { count: words[i].count })}
              >
                {s.word}
              </span>
            ))}
          </div>
        ))}
    </section>
  );
}
