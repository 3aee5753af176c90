import { SPIKE_KINDS, type SpikeKind, type SpikeListResponse } from '@liaowang/contract';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../app/auth-context';
import { useLiveEvent } from '../../app/live-connection';
import { formatDateTime } from '../../time/format-time';

// The detector judges every 30 s by default; a minute keeps the panel fresh between spike alerts.
const REFRESH_MS = 60_000;

/** Query keys of the spikes: the newest per kind (all kinds when none). */
export const spikeKeys = {
  all: ['spikes'] as const,
  list: (kind: SpikeKind | undefined) => ['spikes', 'list', kind ?? 'all'] as const,
};

/** 突增: stories, watched keywords and negative volume far above their usual level for the hour. */
export function SpikesPanel() {
  const { t } = useTranslation();
  const { api } = useSignedIn();
  const [kind, setKind] = useState<SpikeKind | undefined>(undefined);
  const queryClient = useQueryClient();
  // Another kind's list replaces the shown one when it arrives, not before.
  const list = useQuery({
    queryKey: spikeKeys.list(kind),
    queryFn: ({ signal }) => api.call<SpikeListResponse>(`/spikes?size=20${kind ? `&kind=${kind}` : ''}`, { signal }),
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
  });
  // An alert of a spike rule means the detector has just found a spike.
  useLiveEvent('alerts:new', (alert) => {
    if (alert.rule.match.spike !== undefined) void queryClient.invalidateQueries({ queryKey: spikeKeys.all });
  });
  const spikes = list.data?.spikes ?? [];
  const failed = list.isError;

  return (
    <section className="spikes-panel" data-testid="spikes-panel" aria-label={t('spikes.title')}>
      <div className="alert-inbox__bar">
        <h2>{t('spikes.title')}</h2>
        <div className="alert-inbox__filters" role="group" aria-label={t('spikes.kind')}>
          {[undefined, ...SPIKE_KINDS].map((name) => (
            <button
              key={name ?? 'all'}
              type="button"
              className={`button button--small${name === kind ? ' button--primary' : ''}`}
              onClick={() => setKind(name)}
            >
              {t(`spikes.kinds.${name ?? 'all'}`)}
            </button>
          ))}
        </div>
      </div>
      {failed && <p className="notice notice--error">{t('spikes.loadError')}</p>}
      <table className="rules-table">
        <caption className="visually-hidden">{t('spikes.caption')}</caption>
        <thead>
          <tr>
            <th>{t('spikes.window')}</th>
            <th>{t('spikes.kind')}</th>
            <th>{t('spikes.what')}</th>
            <th>{t('spikes.count')}</th>
            <th>{t('spikes.baseline')}</th>
            <th>{t('spikes.z')}</th>
            <th>{t('spikes.newest')}</th>
          </tr>
        </thead>
        <tbody>
          {spikes.map((spike) => (
            <tr key={spike.id} data-testid="spike-row">
              <td title={`${t('spikes.detectedAt')} ${formatDateTime(spike.detectedAt)}`}>{spike.windowBeijing}</td>
              <td>{t(`spikes.kinds.${spike.kind}`)}</td>
              <td className="stories__title">{spike.kind === 'negative' ? t('spikes.negativeVolume') : spike.label}</td>
              <td>{spike.count}</td>
              <td title={t(`spikes.basis.${spike.basis}`)}>{spike.baseline}</td>
              <td>{spike.z.toFixed(1)}</td>
              <td className="stories__title">{spike.topItems[0]?.text ?? ''}</td>
            </tr>
          ))}
          {spikes.length === 0 && (
            <tr>
              <td colSpan={7} className="alert-list__empty">
                {t('spikes.empty')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
