import { may, type ConnectorStatus } from '@liaowang/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../app/auth-context';
import { ConnectorTable } from './connector-table';
import { connectorKeys, connectorsApi } from './connectors-api';
import { FeedList } from './feed-list';

// Intake writes statuses every 5 s; the page follows at the same pace.
const REFRESH_MS = 5_000;

/** Admins and duty officers: where items come from, whether each source runs, and the feeds. */
export function ConnectorsPage() {
  const { t } = useTranslation();
  const { api, session } = useSignedIn();
  const client = useMemo(() => connectorsApi(api), [api]);
  const canManage = may(session.user.role, 'connectors.manage');
  const queryClient = useQueryClient();
  const statuses = useQuery({ queryKey: connectorKeys.statuses, queryFn: ({ signal }) => client.connectors(signal), refetchInterval: REFRESH_MS });
  const feedList = useQuery({ queryKey: connectorKeys.feeds, queryFn: ({ signal }) => client.feeds(signal), refetchInterval: REFRESH_MS });
  const connectors = statuses.data ?? [];
  const feeds = feedList.data ?? [];
  const loadError = statuses.isError || feedList.isError;

  const toggle = useMutation({
    mutationFn: (connector: ConnectorStatus) => (connector.paused ? client.resume(connector.id) : client.pause(connector.id)),
    onSuccess: (next) => queryClient.setQueryData<ConnectorStatus[]>(connectorKeys.statuses, (list) => list?.map((c) => (c.id === next.id ? next : c))),
  });
  // A feed added, changed or removed is a connector added, changed or removed.
  const feedsChanged = () => void queryClient.invalidateQueries({ queryKey: connectorKeys.all });

  return (
    <div className="rules-page" data-testid="connectors-page">
      <h1>{t('connectors.title')}</h1>
      <p className="muted">{t('connectors.intro')}</p>
      {loadError && <p className="notice notice--error">{t('connectors.loadError')}</p>}
      <ConnectorTable connectors={connectors} canManage={canManage} onToggle={(c) => toggle.mutate(c)} />
      <FeedList feeds={feeds} api={client} canManage={canManage} onChanged={feedsChanged} />
    </div>
  );
}
