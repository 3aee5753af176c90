import type { SavedSearch } from '@liaowang/contract';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchApi } from './search-api';
import { fromSavedQuery, toSavedQuery, type SearchState } from './search-state';

interface SavedSearchesProps {
  client: SearchApi;
  state: SearchState;
  onOpen(state: SearchState): void;
}

/** The signed-in user's saved searches: save the current one under a name, open or delete one. */
export function SavedSearches({ client, state, onOpen }: SavedSearchesProps) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<SavedSearch[]>([]);
  const [name, setName] = useState('');
  const [error, setError] = useState(false);

  const reload = useCallback(() => {
    client.savedList().then(setSaved, () => setError(true));
  }, [client]);
  useEffect(reload, [reload]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    setError(false);
    try {
      await client.save({ name: name.trim(), query: toSavedQuery(state) });
      setName('');
      reload();
    } catch {
      setError(true);
    }
  };
  const remove = async (id: string) => {
    setError(false);
    await client.remove(id).then(reload, () => setError(true));
  };

  return (
    <section className="panel" aria-labelledby="saved-searches-title" data-testid="saved-searches">
      <h2 className="panel__title" id="saved-searches-title">
        {t('search.page.savedTitle')}
      </h2>
      <form className="saved-searches__form" onSubmit={save}>
        <input
          className="field__input"
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={t('search.page.saveName')}
          aria-label={t('search.page.saveName')}
          maxLength={100}
          data-testid="saved-search-name"
        />
        <button type="submit" className="button button--small" data-testid="saved-search-save">
          {t('search.page.save')}
        </button>
      </form>
      {error && <p className="notice notice--error">{t('search.page.savedError')}</p>}
      {saved.length ? (
        <ul className="saved-searches__list">
          {saved.map((s) => (
            <li key={s.id} data-testid="saved-search">
              <button type="button" className="button button--ghost button--small" onClick={() => onOpen(fromSavedQuery(s.query))}>
                {s.name}
              </button>
              <button type="button" className="button button--small" aria-label={t('search.page.deleteSaved', { name: s.name })} onClick={() => void remove(s.id)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="panel__sub">{t('search.page.savedEmpty')}</p>
      )}
    </section>
  );
}
