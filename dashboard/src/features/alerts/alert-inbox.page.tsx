import { may, type Alert, type AlertMove, type DismissAlert, type SilenceInput } from '@liaowang/contract';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/api-error';
import { useSignedIn } from '../../app/auth-context';
import { routePath } from '../../app/routes';
import { caseOfPromotedAlert } from '../cases/cases-api';
import { AlertDetail, canMove } from './alert-detail';
import { alertDetailQuery } from './alert-queries';
import { AlertRow } from './alert-row';
import { INBOX_FILTERS, useAlerts } from './alerts.provider';
import { askForDesktopNotices, desktopNoticesAllowed, desktopNoticesSupported } from './desktop-notice';
import { DismissDialog } from './dismiss-dialog';
import { SilenceDialog } from './silence-dialog';
import { useInboxKeys } from './use-inbox-keys';

type Filter = (typeof INBOX_FILTERS)[number];

function matchesFilter(alert: Alert, filter: Filter): boolean {
  if (filter === 'all') return true;
  if (filter === 'open') return alert.state === 'new' || alert.state === 'acknowledged';
  return alert.state === filter;
}

/** R-UI-2: the duty officer's alert inbox, worked from the keyboard. `/alerts/<id>` opens one alert. */
export function AlertInboxPage() {
  const { t } = useTranslation();
  const { api, session } = useSignedIn();
  const inbox = useAlerts();
  const navigate = useNavigate();
  const { id: linkedId } = useParams();
  const mayHandle = may(session.user.role, 'alerts.ack');
  const maySilence = may(session.user.role, 'alerts.rules.manage');
  const [silencing, setSilencing] = useState(false);
  const [silenced, setSilenced] = useState<string | null>(null);
  const [filter, setFilter] = useState<Filter>('open');
  const [selectedId, setSelectedId] = useState<string | null>(linkedId ?? null);
  const [dismissing, setDismissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notices, setNotices] = useState(desktopNoticesAllowed);

  const shown = useMemo(() => inbox.alerts.filter((alert) => matchesFilter(alert, filter)), [inbox.alerts, filter]);
  // A linked alert shows even when the filter leaves it out of the list, or when it is older than
  // the inbox's page: then it is fetched on its own (and kept live like the list).
  const listed = linkedId === undefined ? undefined : inbox.alerts.find((alert) => alert.id === linkedId);
  const fetched = useQuery({ ...alertDetailQuery(api, linkedId ?? ''), enabled: linkedId !== undefined && !listed && !inbox.loading });
  const linked = listed ?? fetched.data;
  const selected = shown.find((alert) => alert.id === selectedId) ?? (linked?.id === selectedId ? linked : undefined) ?? shown[0];
  useEffect(() => {
    if (linkedId) setSelectedId(linkedId);
  }, [linkedId]);
  useEffect(() => {
    if (selected && selected.id !== selectedId && (!linkedId || linked)) setSelectedId(selected.id);
  }, [selected, selectedId, linkedId, linked]);
  // Choosing an alert puts it in the address (replacing, so the back button leaves the inbox).
  const select = (id: string) => {
    setSelectedId(id);
    void navigate(routePath('alerts', id), { replace: true });
  };

  const step = (by: number) => {
    if (shown.length === 0) return;
    const at = Math.max(0, shown.findIndex((alert) => alert.id === selected?.id));
    select(shown[Math.min(shown.length - 1, Math.max(0, at + by))].id);
  };

  const run = async (work: () => Promise<void>) => {
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught instanceof ApiError ? (caught.problem?.detail ?? caught.problem?.title ?? String(caught.status)) : t('alerts.error'));
    }
  };

  const move = (kind: AlertMove) => {
    if (!selected || !mayHandle || !canMove(selected, kind)) return;
    if (kind === 'dismiss') return setDismissing(true);
    if (kind === 'ack') return void run(() => inbox.ack(selected.id));
    // Promotion opens a case: go to it.
    void run(async () => {
      const caseId = await caseOfPromotedAlert(api, await inbox.promote(selected.id));
      if (caseId) void navigate(routePath('cases', caseId));
    });
  };
  const confirmSilence = (body: SilenceInput) => {
    setSilencing(false);
    void run(async () => {
      await inbox.silence(body);
      setSilenced(t('alerts.silence.done', { rule: selected?.rule.name ?? '' }));
    });
  };
  const confirmDismiss = (body: DismissAlert) => {
    setDismissing(false);
    if (selected) void run(() => inbox.dismiss(selected.id, body));
  };

  useInboxKeys({ next: () => step(1), previous: () => step(-1), ack: () => move('ack'), dismiss: () => move('dismiss'), promote: () => move('promote') }, !dismissing && !silencing);

  return (
    <div className="alert-inbox" data-testid="alert-inbox">
      <div className="alert-inbox__bar">
        <h1>{t('alerts.title')}</h1>
        <span className="alert-inbox__unhandled" data-testid="alerts-unhandled">
          {t('alerts.unhandled', { count: inbox.unhandled })}
        </span>
        <div className="alert-inbox__filters" role="group" aria-label={t('alerts.filter')}>
          {INBOX_FILTERS.map((name) => (
            <button key={name} type="button" className={`button button--small${name === filter ? ' button--primary' : ''}`} onClick={() => setFilter(name)}>
              {t(`alerts.filters.${name}`)}
            </button>
          ))}
        </div>
        <label className="alert-inbox__toggle">
          <input type="checkbox" checked={inbox.soundEnabled} onChange={(e) => inbox.setSoundEnabled(e.target.checked)} data-testid="alert-sound-toggle" />
          {t('alerts.sound')}
        </label>
        {desktopNoticesSupported() && !notices && (
          <button type="button" className="button button--small" onClick={() => void askForDesktopNotices().then(setNotices)}>
            {t('alerts.enableNotices')}
          </button>
        )}
      </div>
      <p className="alert-inbox__keys">{t(mayHandle ? 'alerts.keys' : 'alerts.keysReadOnly')}</p>
      {error && <p className="notice notice--error" role="alert">{error}</p>}
      {silenced && <p className="notice notice--info" role="status">{silenced}</p>}
      {Boolean(inbox.loadError) && <p className="notice notice--error">{t('alerts.loadError')}</p>}
      {fetched.isError && <p className="notice notice--error" data-testid="alert-link-missing">{t('alerts.linkMissing')}</p>}
      <div className="alert-inbox__body">
        <ul className="alert-list" aria-label={t('alerts.list')}>
          {shown.map((alert) => (
            <AlertRow key={alert.id} alert={alert} selected={alert.id === selected?.id} onSelect={() => select(alert.id)} />
          ))}
          {shown.length === 0 && <li className="alert-list__empty">{t('alerts.empty')}</li>}
        </ul>
        {selected && <AlertDetail alert={selected} mayHandle={mayHandle} onMove={move} onSilence={maySilence ? () => setSilencing(true) : undefined} />}
      </div>
      {dismissing && <DismissDialog onConfirm={confirmDismiss} onCancel={() => setDismissing(false)} />}
      {silencing && selected && <SilenceDialog ruleId={selected.ruleId} ruleName={selected.rule.name} onConfirm={confirmSilence} onCancel={() => setSilencing(false)} />}
    </div>
  );
}
