import type { EscalationPolicy, NotifyChannel } from '@liaowang/contract';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../app/auth-context';
import { useLiveInvalidate } from '../../app/live-invalidate';
import { formatDateTime } from '../../time/format-time';
import { EscalationPolicyEditor } from './escalation-policy-editor';
import { notifyApi, notifyKeys } from './notify-api';
import { NotifyChannels } from './notify-channels';

/** Admins: the escalation chain, the outbound channels and the record of every delivery attempt. */
export function NotifyPage() {
  const { t } = useTranslation();
  const { api } = useSignedIn();
  const client = useMemo(() => notifyApi(api), [api]);
  const queryClient = useQueryClient();
  const policyQuery = useQuery({ queryKey: notifyKeys.policy, queryFn: ({ signal }) => client.policy(signal) });
  const channelsQuery = useQuery({ queryKey: notifyKeys.channels, queryFn: ({ signal }) => client.channels(signal) });
  const deliveriesQuery = useQuery({ queryKey: notifyKeys.deliveries, queryFn: ({ signal }) => client.deliveries(signal) });
  // Notices go out when an alert is raised or climbs a step, and when a case clock runs late.
  useLiveInvalidate(['alerts:new', 'alerts:updated', 'cases:updated'], [notifyKeys.deliveries], 5_000);
  const policy = policyQuery.data ?? null;
  const channels = channelsQuery.data ?? [];
  const deliveries = deliveriesQuery.data ?? [];
  const loadError = policyQuery.isError || channelsQuery.isError || deliveriesQuery.isError;
  const savedPolicy = (saved: EscalationPolicy) => queryClient.setQueryData(notifyKeys.policy, saved);
  const changedChannel = (changed: NotifyChannel) =>
    queryClient.setQueryData<NotifyChannel[]>(notifyKeys.channels, (prev) => [changed, ...(prev ?? []).filter((p) => p.id !== changed.id)]);

  const names = new Map(channels.map((c) => [c.id, c.name]));
  return (
    <div className="rules-page" data-testid="notify-page">
      <h1>{t('notify.title')}</h1>
      {loadError && <p className="notice notice--error">{t('notify.loadError')}</p>}
      {policy && <EscalationPolicyEditor policy={policy} api={client} onSaved={savedPolicy} />}
      <NotifyChannels channels={channels} api={client} onChanged={changedChannel} />
      <section className="notify-section">
        <h2>{t('notify.deliveries.title')}</h2>
        <table className="rules-table">
          <thead>
            <tr>
              <th>{t('notify.deliveries.at')}</th>
              <th>{t('notify.channels.name')}</th>
              <th>{t('notify.deliveries.alert')}</th>
              <th>{t('notify.deliveries.step')}</th>
              <th>{t('notify.deliveries.result')}</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((d) => (
              <tr key={d.id}>
                <td>{formatDateTime(d.at)}</td>
                <td>{names.get(d.channelId) ?? d.channelId}</td>
                <td>{d.subject === 'case_clock' ? t('notify.deliveries.case', { id: d.caseId }) : d.alertId}</td>
                <td>
                  {d.subject === 'case_clock'
                    ? t('notify.deliveries.caseClock', { clock: t(`notify.deliveries.clock.${d.clock ?? 'first_release'}`) })
                    : d.step === 0
                      ? t('notify.deliveries.raised')
                      : t('notify.deliveries.stepN', { step: d.step })}
                </td>
                <td>{d.ok ? t('notify.deliveries.ok', { attempt: d.attempt }) : t('notify.deliveries.failed', { attempt: d.attempt, error: d.error ?? d.statusCode ?? '' })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
