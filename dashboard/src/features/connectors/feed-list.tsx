import type { Feed, FeedInput } from '@liaowang/contract';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import type { ConnectorsApi } from './connectors-api';

interface FeedDraft {
  url: string;
  platform: string;
  intervalSeconds: string;
  keywords: string;
}
const EMPTY: FeedDraft = { url: '', platform: '', intervalSeconds: '300', keywords: '' };

// Keywords are typed comma- or space-separated (，、 too).
const keywordsOf = (text: string) => text.split(/[\s,，、]+/).filter((word) => word !== '');
const draftOf = (feed: Feed): FeedDraft => ({ url: feed.url, platform: feed.platform, intervalSeconds: String(feed.intervalSeconds), keywords: feed.keywords.join('，') });

/** The RSS / Atom feeds: listed for everyone who sees connectors, added, edited and removed by an admin. */
export function FeedList({ feeds, api, canManage, onChanged }: { feeds: Feed[]; api: ConnectorsApi; canManage: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<FeedDraft>(EMPTY);
  const [editing, setEditing] = useState<string | null>(null);
  const saving = useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: FeedInput }) => (id ? api.updateFeed(id, input) : api.addFeed(input)),
    onSuccess: () => {
      setDraft(EMPTY);
      setEditing(null);
      onChanged();
    },
  });
  const removing = useMutation({ mutationFn: (feed: Feed) => api.removeFeed(feed.id), onSuccess: onChanged });
  const failure = saving.error ?? removing.error;
  const error = failure ? (failure instanceof ApiError ? (failure.problem?.errors?.map((e) => `${e.field}: ${e.message}`).join('；') ?? failure.message) : t('connectors.error')) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    removing.reset();
    saving.mutate({ id: editing, input: { url: draft.url.trim(), platform: draft.platform.trim(), intervalSeconds: Number(draft.intervalSeconds), keywords: keywordsOf(draft.keywords) } });
  };
  const remove = (feed: Feed) => {
    if (!window.confirm(t('connectors.feeds.confirmRemove', { url: feed.url }))) return;
    saving.reset();
    removing.mutate(feed);
  };

  return (
    <section className="notify-section" data-testid="feed-list">
      <h2>{t('connectors.feeds.title')}</h2>
      <table className="rules-table">
        <thead>
          <tr>
            <th>URL</th>
            <th>{t('connectors.feeds.platform')}</th>
            <th>{t('connectors.feeds.interval')}</th>
            <th>{t('connectors.feeds.keywords')}</th>
            {canManage && <th />}
          </tr>
        </thead>
        <tbody>
          {feeds.map((feed) => (
            <tr key={feed.id} data-feed={feed.url}>
              <td><code>{feed.url}</code></td>
              <td>{feed.platform}</td>
              <td>{t('connectors.feeds.seconds', { count: feed.intervalSeconds })}</td>
              <td>{feed.keywords.length > 0 ? feed.keywords.join('，') : t('connectors.feeds.everyEntry')}</td>
              {canManage && (
                <td>
                  <button type="button" className="button button--small" onClick={() => { setEditing(feed.id); setDraft(draftOf(feed)); }}>
                    {t('connectors.feeds.edit')}
                  </button>{' '}
                  <button type="button" className="button button--small" onClick={() => remove(feed)}>
                    {t('connectors.feeds.remove')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {canManage && (
        <form className="notify-channels__add" onSubmit={submit} data-testid="feed-form">
          <input value={draft.url} onChange={(e) => setDraft({ ...draft, url: e.target.value })} placeholder="https://…/rss.xml" required type="url" aria-label="URL" />
          <input value={draft.platform} onChange={(e) => setDraft({ ...draft, platform: e.target.value })} placeholder={t('connectors.feeds.platform')} required aria-label={t('connectors.feeds.platform')} />
          <input value={draft.intervalSeconds} onChange={(e) => setDraft({ ...draft, intervalSeconds: e.target.value })} type="number" min={10} max={86400} aria-label={t('connectors.feeds.interval')} />
          <input value={draft.keywords} onChange={(e) => setDraft({ ...draft, keywords: e.target.value })} placeholder={t('connectors.feeds.keywordsHint')} aria-label={t('connectors.feeds.keywords')} />
          <button type="submit" className="button button--primary button--small">
            {editing ? t('connectors.feeds.save') : t('connectors.feeds.add')}
          </button>
          {editing && (
            <button type="button" className="button button--small" onClick={() => { setEditing(null); setDraft(EMPTY); }}>
              {t('connectors.feeds.cancel')}
            </button>
          )}
        </form>
      )}
      {error && <p className="notice notice--error">{error}</p>}
    </section>
  );
}
