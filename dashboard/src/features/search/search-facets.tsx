import type { ItemFacets } from '@liaowang/contract';
import { useTranslation } from 'react-i18next';
import { chipsOf, FACETS, type FacetName, type SearchState } from './search-state';

/** A facet value in the reader's language: known kinds, sentiments, categories and platforms are translated. */
export function useFacetLabel() {
  const { t } = useTranslation();
  return (facet: FacetName, value: string): string => {
    if (facet === 'kind') return t(`kind.${value}` as 'kind.mention', { defaultValue: value });
    if (facet === 'sentiment') return t(`sentiment.${value}` as 'sentiment.negative', { defaultValue: value });
    if (facet === 'category') return t(`category.${value}` as 'category.other_unlawful', { defaultValue: value });
    if (facet === 'platform') return t(`platform.${value}` as 'platform.weibo', { defaultValue: value });
    return value;
  };
}

/** The active filters as removable chips. */
export function FilterChips({ state, onToggle }: { state: SearchState; onToggle(facet: FacetName, value: string): void }) {
  const { t } = useTranslation();
  const label = useFacetLabel();
  const chips = chipsOf(state);
  if (!chips.length) return null;
  return (
    <ul className="search-chips" aria-label={t('search.page.activeFilters')} data-testid="search-chips">
      {chips.map(({ facet, value }) => (
        <li key={`${facet}:${value}`}>
          <button type="button" className="search-chip" data-testid="search-chip" onClick={() => onToggle(facet, value)}>
            {t(`search.page.facet.${facet}`)}：{label(facet, value)} <span aria-hidden="true">×</span>
            <span className="visually-hidden">{t('search.page.removeFilter')}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Counts per facet value over every match; a click narrows the search to that value. */
export function FacetCounts({ facets, state, onToggle }: { facets: ItemFacets; state: SearchState; onToggle(facet: FacetName, value: string): void }) {
  const { t } = useTranslation();
  const label = useFacetLabel();
  return (
    <div className="search-facets" data-testid="search-facets">
      {FACETS.map((facet) =>
        facets[facet].length ? (
          <section key={facet} className="search-facet" data-facet={facet}>
            <h3 className="search-facet__title">{t(`search.page.facet.${facet}`)}</h3>
            <ul>
              {facets[facet].map((f) => {
                const active = state.filters[facet]?.includes(f.value) ?? false;
                return (
                  <li key={f.value}>
                    <button
                      type="button"
                      className={active ? 'search-facet__value search-facet__value--active' : 'search-facet__value'}
                      aria-pressed={active}
                      data-testid="facet-value"
                      data-value={f.value}
                      onClick={() => onToggle(facet, f.value)}
                    >
                      <span>{label(facet, f.value)}</span>
                      <span className="search-facet__count">{f.count}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null,
      )}
    </div>
  );
}
