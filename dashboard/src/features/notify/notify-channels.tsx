import { NOTIFY_CHANNEL_KINDS, SEVERITIES, type NotifyChannel, type NotifyChannelInput, type NotifyChannelKind, type Severity } from '@liaowang/contract';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import type { NotifyApi } from './notify-api';

/** Where notices go outside the dashboard: a webhook or a WeCom / DingTalk group robot. */
export function NotifyChannels({ channels, api, onChanged }: { channels: NotifyChannel[]; api: NotifyApi; onChanged(channel: NotifyChannel): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ name: '', kind: 'wecom' as NotifyChannelKind, url: '', secret: '', minSeverity: 'high' as Severity | '' });
  const adding = useMutation({
    mutationFn: (input: NotifyChannelInput) => api.addChannel(input),
    onSuccess: (channel) => {
      onChanged(channel);
      setDraft({ name: '', kind: 'wecom', url: '', secret: '', minSeverity: 'high' });
    },
  });
  const toggling = useMutation({ mutationFn: (channel: NotifyChannel) => api.updateChannel(channel.id, { enabled: !channel.enabled }), onSuccess: onChanged });
  const failure = adding.error ?? toggling.error;
  const error = failure ? (failure instanceof ApiError ? (failure.problem?.errors?.map((e) => `${e.field}: ${e.message}`).join('；') ?? failure.message) : t('notify.error')) : null;
  const add = (event: FormEvent) => {
    event.preventDefault();
    toggling.reset();
    const { secret, minSeverity, ...rest } = draft;
    adding.mutate({ ...rest, enabled: true, escalations: true, ...(secret ? { secret } : {}), ...(minSeverity ? { minSeverity } : {}) });
  };
  const toggle = (channel: NotifyChannel) => {
    adding.reset();
    toggling.mutate(channel);
  };
  return (
    <section className="notify-section" data-testid="notify-channels">
      <h2>{t('notify.channels.title')}</h2>
      <table className="rules-table">
        <thead>
          <tr>
            <th>{t('notify.channels.name')}</th>
            <th>{t('notify.channels.kind')}</th>
            <th>URL</th>
            <th>{t('notify.channels.minSeverity')}</th>
            <th>{t('notify.channels.secret')}</th>
            <th>{t('notify.channels.enabled')}</th>
          </tr>
        </thead>
        <tbody>
          {channels.map((channel) => (
            <tr key={channel.id}>
              <td>{channel.name}</td>
              <td>{t(`notify.kind.${channel.kind}`)}</td>
              <td><code>{channel.url}</code></td>
              <td>{channel.minSeverity ? t(`severity.${channel.minSeverity}`) : '—'}</td>
              <td>{channel.hasSecret ? t('notify.channels.secretSet') : '—'}</td>
              <td>
                <input type="checkbox" checked={channel.enabled} onChange={() => toggle(channel)} aria-label={t('notify.channels.enabled')} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="notify-channels__add" onSubmit={add}>
        <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} placeholder={t('notify.channels.name')} required />
        <select value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as NotifyChannelKind })}>
          {NOTIFY_CHANNEL_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`notify.kind.${kind}`)}
            </option>
          ))}
        </select>
        <input value={draft.url} onChange={(e) => setDraft({ ...draft, url: e.target.value })} placeholder="https://…" required type="url" />
        <input value={draft.secret} onChange={(e) => setDraft({ ...draft, secret: e.target.value })} placeholder={t('notify.channels.secretHint')} type="password" autoComplete="off" />
        <select value={draft.minSeverity} onChange={(e) => setDraft({ ...draft, minSeverity: e.target.value as Severity | '' })} aria-label={t('notify.channels.minSeverity')}>
          <option value="">{t('notify.channels.escalationsOnly')}</option>
          {SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {t('notify.channels.atLeast', { severity: t(`severity.${severity}`) })}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--primary button--small">
          {t('notify.channels.add')}
        </button>
      </form>
      {error && <p className="notice notice--error">{error}</p>}
    </section>
  );
}
