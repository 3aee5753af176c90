import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { savedSearchKeys, type SearchApi } from './search-api';
import { fromSavedQuery, toSavedQuery, type SearchState } from './search-state';

interface SavedSearchesProps {
  client: SearchApi;
  state: SearchState;
  onOpen(state: SearchState): void;
}

/** The signed-in user's saved searches: save the current one under a name, open or delete one. */
export function SavedSearches({ client, state, onOpen }: SavedSearchesProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const list = useQuery({ queryKey: savedSearchKeys.all, queryFn: ({ signal }) => client.savedList(signal) });
  const saved = list.data ?? [];
  const changed = () => queryClient.invalidateQueries({ queryKey: savedSearchKeys.all });
  const adding = useMutation({ mutationFn: client.save, onSuccess: () => { setName(''); return changed(); } });
  const removing = useMutation({ mutationFn: client.remove, onSuccess: changed });
  const error = list.isError || adding.isError || removing.isError;

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    removing.reset();
    adding.mutate({ name: name.trim(), query: toSavedQuery(state) });
  };
  const remove = (id: string) => {
    adding.reset();
    removing.mutate(id);
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
              <button type="button" className="button button--small" aria-label={t('search.page.deleteSaved', { name: s.name })} onClick={() => remove(s.id)}>
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
