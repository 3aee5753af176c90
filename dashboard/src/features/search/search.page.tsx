import { ITEM_SORTS, may, STATS_INTERVALS, type ItemSort } from '@liaowang/contract';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/api-error';
import { useSignedIn } from '../../app/auth-context';
import { ItemTable } from '../live-items/item-table';
import { SavedSearches } from './saved-searches';
import { searchApi } from './search-api';
import { FacetCounts, FilterChips } from './search-facets';
import { searchStateFromParams, searchStateToParams, toggleFilter, type FacetName, type SearchState } from './search-state';
import { useSearch } from './use-search';
import { VolumePanel } from './volume-panel';

const NO_FRESH: ReadonlySet<string> = new Set();

/**
 * The search console (R-UI-2): the alert rules' query language, facets as chips, cursor paging,
 * volume over time. The search is in the address (`/search?q=…&platform=…`), so it can be shared.
 */
export function SearchPage() {
  const { t } = useTranslation();
  const { api, session } = useSignedIn();
  const client = useMemo(() => searchApi(api), [api]);
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => searchStateFromParams(params), [params]);
  const setState = (change: (current: SearchState) => SearchState) => setParams(searchStateToParams(change(state)));
  const [input, setInput] = useState(state.q);
  // Back and forward change the address: the box follows.
  useEffect(() => setInput(state.q), [state.q]);
  const [interval, setInterval] = useState<string>('hour');
  const { results, pending, error, loadMore } = useSearch(client, state, interval);
  const toggle = (facet: FacetName, value: string) => setState((s) => toggleFilter(s, facet, value));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setState((s) => ({ ...s, q: input }));
  };
  const open = (next: SearchState) => {
    setInput(next.q);
    setState(() => next);
  };
  // A 400 names the field: a query that does not parse says where.
  const problem = error instanceof ApiError ? error.problem?.errors?.[0]?.message : undefined;

  return (
    <div className="search-page" data-testid="search-page">
      <form className="search-page__bar" role="search" onSubmit={submit}>
        <input
          className="search__input"
          value={input}
          onChange={(e) => setInput(e.target.value)}
          placeholder={t('search.page.placeholder')}
          aria-label={t('search.page.queryLabel')}
          aria-describedby="search-syntax"
          data-testid="search-query"
        />
        <select className="field__input" value={state.sort} aria-label={t('search.page.sortLabel')} onChange={(e) => setState((s) => ({ ...s, sort: e.target.value as ItemSort }))}>
          {ITEM_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`search.page.sort.${sort}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--primary" data-testid="search-submit">
          {t('search.submit')}
        </button>
      </form>
      <p className="search-page__hint" id="search-syntax">
        {t('search.page.syntax')}
      </p>
      <FilterChips state={state} onToggle={toggle} />
      {error ? <p className="notice notice--error">{problem ?? t('search.page.failed')}</p> : null}
      <div className="search-page__body">
        <aside className="search-page__side">
          {results?.facets && <FacetCounts facets={results.facets} state={state} onToggle={toggle} />}
        </aside>
        <section className="search-page__results" aria-busy={pending}>
          <p className="list-info" data-testid="search-total">
            {results ? t('search.page.total', { total: results.total, shown: results.items.length }) : t('search.searching')}
          </p>
          <ItemTable items={results?.items ?? []} freshIds={NO_FRESH} emptyText={t('search.page.noResults')} />
          {results?.cursor && (
            <button type="button" className="button" data-testid="search-more" disabled={pending} onClick={() => void loadMore()}>
              {t('search.page.loadMore')}
            </button>
          )}
        </section>
        <aside className="search-page__side">
          <label className="field">
            <span className="field__label">{t('search.page.interval')}</span>
            <select className="field__input" value={interval} onChange={(e) => setInterval(e.target.value)}>
              {STATS_INTERVALS.map((i) => (
                <option key={i} value={i}>
                  {t(`search.page.intervals.${i}`)}
                </option>
              ))}
            </select>
          </label>
          <VolumePanel volume={results?.volume} />
          {may(session.user.role, 'searches.save') && <SavedSearches client={client} state={state} onOpen={open} />}
        </aside>
      </div>
    </div>
  );
}
