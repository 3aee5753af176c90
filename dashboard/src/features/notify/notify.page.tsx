import type { EscalationPolicy, NotifyChannel, NotifyDelivery } from '@liaowang/contract';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbortError } from '../../api/api-error';
import { useSignedIn } from '../../app/auth-context';
import { formatDateTime } from '../../time/format-time';
import { EscalationPolicyEditor } from './escalation-policy-editor';
import { notifyApi } from './notify-api';
import { NotifyChannels } from './notify-channels';

/** Admins: the escalation chain, the outbound channels and the record of every delivery attempt. */
export function NotifyPage() {
  const { t } = useTranslation();
  const { api } = useSignedIn();
  const client = useMemo(() => notifyApi(api), [api]);
  const [policy, setPolicy] = useState<EscalationPolicy | null>(null);
  const [channels, setChannels] = useState<NotifyChannel[]>([]);
  const [deliveries, setDeliveries] = useState<NotifyDelivery[]>([]);
  const [loadError, setLoadError] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    const failed = (error: unknown) => {
      if (!isAbortError(error)) setLoadError(true);
    };
    client.policy(controller.signal).then(setPolicy, failed);
    client.channels(controller.signal).then(setChannels, failed);
    client.deliveries(controller.signal).then(setDeliveries, failed);
    return () => controller.abort();
  }, [client]);

  const names = new Map(channels.map((c) => [c.id, c.name]));
  return (
    <div className="rules-page" data-testid="notify-page">
      <h1>{t('notify.title')}</h1>
      {loadError && <p className="notice notice--error">{t('notify.loadError')}</p>}
      {policy && <EscalationPolicyEditor policy={policy} api={client} onSaved={setPolicy} />}
      <NotifyChannels channels={channels} api={client} onChanged={(c) => setChannels((prev) => [c, ...prev.filter((p) => p.id !== c.id)])} />
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
