import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../../api/api-error';
import { useSignedIn } from '../../app/auth-context';
import { ConnectionStatus } from './connection-status';
import { ItemTable } from './item-table';
import { useLiveItems } from './live-items.provider';
import { LIVE_LIST_CAP } from './merge-items';
import { SearchBox } from './search-box';
import { SentimentPanel } from './sentiment-panel';
import { useItemSearch } from './use-item-search';

/** Live pushes that arrived while `active` was on (e.g. during a search). */
function useCountWhile(active: boolean, count: number): number {
  const [baseline, setBaseline] = useState<number | null>(null);
  // Adjusting state during render (not in an effect) avoids one frame with a stale number.
  if (active && baseline === null) setBaseline(count);
  if (!active && baseline !== null) setBaseline(null);
  return active && baseline !== null ? count - baseline : 0;
}

/** Duty console, first slice: newest items arriving live, full-text search, sentiment breakdown. */
export function LiveItemsPage() {
  const { t } = useTranslation();
  const { api } = useSignedIn();
  const live = useLiveItems();
  const search = useItemSearch(api);
  const searching = search.result !== null;
  const missed = useCountWhile(searching, live.receivedCount);

  const items = search.result?.items ?? live.items;
  const freshIds = searching ? new Set<string>() : live.freshIds;
  const failure = search.error ?? (items.length === 0 ? live.loadError : null);

  const describe = (error: unknown) =>
    error instanceof ApiError
      ? error.problem?.detail ?? t('error.http', { status: error.status })
      : error instanceof NetworkError
        ? t('error.network')
        : String(error);

  return (
    <div className="live-page">
      <div className="toolbar">
        <SearchBox search={search} />
        <div className="toolbar__status">
          <ConnectionStatus status={live.status} />
          <span className="counter" data-testid="live-counter" data-count={live.receivedCount}>
            {t('live.received', { count: live.receivedCount })}
          </span>
        </div>
      </div>

      <div className="live-page__body">
        <section className="live-page__list" aria-label={t('live.title')}>
          <div className="list-info">
            {search.pending && <span>{t('search.searching')}</span>}
            {!search.pending && search.result && (
              <span data-testid="search-summary" role="status">
                {t('search.results', { q: search.result.query, total: search.result.total, shown: search.result.items.length })}
              </span>
            )}
            {!searching && !search.pending && <span>{t('live.showing', { count: live.items.length, cap: LIVE_LIST_CAP })}</span>}
            {searching && missed > 0 && <span className="list-info__note">{t('search.livePaused', { count: missed })}</span>}
          </div>
          {failure != null && (
            <p className="notice notice--error" role="alert">
              {t('live.loadError', { message: describe(failure) })}
            </p>
          )}
          <ItemTable
            items={items}
            freshIds={freshIds}
            emptyText={search.result ? t('search.noResults', { q: search.result.query }) : t('live.empty')}
          />
        </section>
        <aside className="live-page__side">
          <SentimentPanel items={items} />
        </aside>
      </div>
    </div>
  );
}
