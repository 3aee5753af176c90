import { may, type ConnectorStatus, type Feed } from '@liaowang/contract';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbortError } from '../../api/api-error';
import { useSignedIn } from '../../app/auth-context';
import { ConnectorTable } from './connector-table';
import { connectorsApi } from './connectors-api';
import { FeedList } from './feed-list';

// Intake writes statuses every 5 s; the page follows at the same pace.
const REFRESH_MS = 5_000;

/** Admins and duty officers: where items come from, whether each source runs, and the feeds. */
export function ConnectorsPage() {
  const { t } = useTranslation();
  const { api, session } = useSignedIn();
  const client = useMemo(() => connectorsApi(api), [api]);
  const canManage = may(session.user.role, 'connectors.manage');
  const [connectors, setConnectors] = useState<ConnectorStatus[]>([]);
  const [feeds, setFeeds] = useState<Feed[]>([]);
  const [loadError, setLoadError] = useState(false);

  const load = useCallback(
    (signal?: AbortSignal) => {
      const failed = (error: unknown) => {
        if (!isAbortError(error)) setLoadError(true);
      };
      client.connectors(signal).then((list) => { setConnectors(list); setLoadError(false); }, failed);
      client.feeds(signal).then(setFeeds, failed);
    },
    [client],
  );

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal);
    const timer = setInterval(() => load(controller.signal), REFRESH_MS);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [load]);

  const toggle = async (connector: ConnectorStatus) => {
    const next = connector.paused ? await client.resume(connector.id) : await client.pause(connector.id);
    setConnectors((list) => list.map((c) => (c.id === next.id ? next : c)));
  };

  return (
    <div className="rules-page" data-testid="connectors-page">
      <h1>{t('connectors.title')}</h1>
      <p className="muted">{t('connectors.intro')}</p>
      {loadError && <p className="notice notice--error">{t('connectors.loadError')}</p>}
      <ConnectorTable connectors={connectors} canManage={canManage} onToggle={(c) => void toggle(c)} />
      <FeedList feeds={feeds} api={client} canManage={canManage} onChanged={() => load()} />
    </div>
  );
}
