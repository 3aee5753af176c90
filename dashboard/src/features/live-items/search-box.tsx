import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemSearch } from './use-item-search';

/** Full-text search field: searches as you pause typing, or at once on Enter. */
export function SearchBox({ search }: { search: ItemSearch }) {
  const { t } = useTranslation();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    search.submit();
  }
  return (
    <form className="search" role="search" onSubmit={onSubmit}>
      <label className="visually-hidden" htmlFor="item-search">
        {t('search.label')}
      </label>
      <input
        id="item-search"
        className="search__input"
        data-testid="search-input"
        type="search"
        value={search.input}
        placeholder={t('search.placeholder')}
        onChange={(event) => search.setInput(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') search.clear();
        }}
      />
      <button className="button button--primary" type="submit" data-testid="search-submit">
        {t('search.submit')}
      </button>
      {search.input && (
        <button className="button button--ghost" type="button" data-testid="search-clear" onClick={search.clear}>
          {t('search.clear')}
        </button>
      )}
    </form>
  );
}
