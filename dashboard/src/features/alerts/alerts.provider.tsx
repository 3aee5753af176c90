import type { Alert, AlertState, DismissAlert, SilenceInput } from '@liaowang/contract';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSignedIn } from '../../app/auth-context';
import { useLiveConnection, useLiveEvent } from '../../app/live-connection';
import { routePath } from '../../app/routes';
import { playAlertSound, readSoundEnabled, storeSoundEnabled } from './alert-sound';
import { alertKeys } from './alert-queries';
import { alertsApi } from './alerts-api';
import { showDesktopNotice } from './desktop-notice';
import { countUnhandled, lastCursor, mergeAlerts } from './merge-alerts';

export interface Alerts {
  /** Newest first. */
  alerts: Alert[];
  /** Alerts still in state `new`: the count in the tab title and the header. */
  unhandled: number;
  loadError: unknown;
  /** The first page has not come yet. */
  loading: boolean;
  soundEnabled: boolean;
  setSoundEnabled(enabled: boolean): void;
  ack(id: string): Promise<void>;
  dismiss(id: string, body: DismissAlert): Promise<void>;
  /** Answers the promoted alert: its timeline names the case it opened. */
  promote(id: string): Promise<Alert>;
  /** Mutes an alert's rule for a while (the stream stops raising it). */
  silence(body: SilenceInput): Promise<void>;
}

const REPLAY_TIMEOUT_MS = 15_000;
// A replay after a reconnect can bring dozens at once: one sound for the lot.
const SOUND_GAP_MS = 1500;

const AlertsContext = createContext<Alerts | null>(null);

/**
 * The alert stream of this session (R-ALR-2, R-REL-4): the newest page over REST, then live
 * `alerts:new` / `alerts:updated`; on every (re)connect `alerts:since` with the last cursor seen
 * brings what was missed, so nothing raised while offline is lost. The list lives in the query
 * cache (`alertKeys.inbox`), and every alert pushed or answered is written to it and to the
 * alert's own query, so every page that shows an alert shows the same one.
 */
export function AlertsProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { api } = useSignedIn();
  const { socket } = useLiveConnection();
  const navigate = useNavigate();
  const client = useMemo(() => alertsApi(api), [api]);
  const queryClient = useQueryClient();
  const [soundEnabled, setSound] = useState(readSoundEnabled);
  const cursor = useRef<number | null>(null);
  const lastSound = useRef(0);
  const soundRef = useRef(soundEnabled);
  soundRef.current = soundEnabled;

  const merge = useCallback(
    (incoming: Alert[]) => {
      cursor.current = lastCursor(incoming, cursor.current);
      queryClient.setQueryData<Alert[]>(alertKeys.inbox, (prev) => mergeAlerts(prev ?? [], incoming));
      for (const alert of incoming) {
        queryClient.setQueryData<Alert>(alertKeys.detail(alert.id), (prev) => (prev && Date.parse(prev.updatedAt) > Date.parse(alert.updatedAt) ? prev : alert));
      }
    },
    [queryClient],
  );

  const announce = useCallback(
    (alert: Alert) => {
      const now = Date.now();
      if (soundRef.current && now - lastSound.current > SOUND_GAP_MS) {
        lastSound.current = now;
        playAlertSound(alert.severity, alert.id);
      }
      showDesktopNotice(alert, t('alerts.notice.title', { severity: t(`severity.${alert.severity}`), rule: alert.rule.name }), alert.items[0]?.text ?? '', () => void navigate(routePath('alerts', alert.id)));
    },
    [t, navigate],
  );

  useLiveEvent(
    'alerts:new',
    (alert) => {
      const isNew = cursor.current === null || alert.cursor > cursor.current;
      merge([alert]);
      if (isNew) announce(alert);
    },
    () => socket.timeout(REPLAY_TIMEOUT_MS).emit('alerts:since', { cursor: cursor.current }, () => undefined),
  );
  useLiveEvent('alerts:updated', (alert) => merge([alert]));

  // Live events keep the list current, so it is never stale by age. Pushes that arrive while the
  // page loads are in the cache already: the page merges into them instead of replacing them.
  const inbox = useQuery({
    queryKey: alertKeys.inbox,
    queryFn: async ({ signal }) => {
      const page = await client.list(undefined, signal);
      cursor.current = lastCursor(page.alerts, cursor.current);
      return mergeAlerts(queryClient.getQueryData<Alert[]>(alertKeys.inbox) ?? [], page.alerts);
    },
    staleTime: Infinity,
  });
  const alerts = useMemo(() => inbox.data ?? [], [inbox.data]);
  const loadError = inbox.error;
  const loading = inbox.isPending;

  const unhandled = countUnhandled(alerts);
  // R-ALR-2: the unread count shows in the tab title, so a duty officer sees it from any tab.
  useEffect(() => {
    document.title = unhandled > 0 ? `(${unhandled}) ${t('app.name')}` : t('app.name');
  }, [unhandled, t]);

  const setSoundEnabled = useCallback((enabled: boolean) => {
    storeSoundEnabled(enabled);
    setSound(enabled);
  }, []);

  const value = useMemo<Alerts>(
    () => ({
      alerts,
      unhandled,
      loadError,
      loading,
      soundEnabled,
      setSoundEnabled,
      ack: async (id) => merge([await client.ack(id)]),
      dismiss: async (id, body) => merge([await client.dismiss(id, body)]),
      silence: async (body) => {
        await client.silence(body);
      },
      promote: async (id) => {
        const promoted = await client.promote(id);
        merge([promoted]);
        return promoted;
      },
    }),
    [alerts, unhandled, loadError, loading, soundEnabled, setSoundEnabled, client, merge],
  );
  return <AlertsContext.Provider value={value}>{children}</AlertsContext.Provider>;
}

export function useAlerts(): Alerts {
  const value = useContext(AlertsContext);
  if (!value) throw new Error('useAlerts outside AlertsProvider');
  return value;
}

export const INBOX_FILTERS: (AlertState | 'open' | 'all')[] = ['open', 'new', 'acknowledged', 'dismissed', 'promoted', 'all'];
