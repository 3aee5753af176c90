import { may, type Alert, type LinkedCaseLine } from '@liaowang/contract';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSignedIn } from '../../app/auth-context';
import { useLiveEvent } from '../../app/live-connection';
import { routePath } from '../../app/routes';
import { formatDateTime } from '../../time/format-time';
import { caseKeys } from './case-queries';
import { casesApi } from './cases-api';

/** On an alert linked to a case: the case, and its agreed line (统一口径) once a statement is released. */
export function AlertCaseLine({ alert }: { alert: Alert }) {
  const { t } = useTranslation();
  const { api, session } = useSignedIn();
  const client = useMemo(() => casesApi(api), [api]);
  const queryClient = useQueryClient();
  // Only a promoted alert has a case (null: none found); asked again when the alert changes (it is promoted).
  const key = [...caseKeys.ofAlert(alert.id), alert.updatedAt] as const;
  const promoted = alert.state === 'promoted';
  const query = useQuery({
    queryKey: key,
    queryFn: async ({ signal }): Promise<LinkedCaseLine | null> => (await client.linkedToAlert(alert.id, signal)) ?? null,
    enabled: promoted,
  });
  // A release on the case shows here at once.
  useLiveEvent('cases:updated', (pushed) => {
    if (!pushed.links.alertIds.includes(alert.id)) return;
    const line: LinkedCaseLine = { id: pushed.id, title: pushed.title, agreedLine: pushed.agreedLine };
    queryClient.setQueryData<LinkedCaseLine | null>(key, line);
  });
  const linked = query.isError ? undefined : query.data;

  if (!linked) return null;
  return (
    <div className="alert-case-line" data-testid="alert-case" data-case-id={linked.id}>
      {may(session.user.role, 'cases.read') ? <Link to={routePath('cases', linked.id)} data-testid="alert-case-link">{linked.title}</Link> : <span>{linked.title}</span>}
      {linked.agreedLine && (
        <blockquote className="agreed-line" data-testid="alert-agreed-line">
          <strong>{t('cases.agreedLine.title')}</strong> <span className="agreed-line__meta">{t('cases.agreedLine.releasedAt', { time: formatDateTime(linked.agreedLine.releasedAt) })}</span>
          <p>{linked.agreedLine.text}</p>
        </blockquote>
      )}
    </div>
  );
}
