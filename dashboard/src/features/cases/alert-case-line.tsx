import { may, type Alert, type LinkedCaseLine } from '@liaowang/contract';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isAbortError } from '../../api/api-error';
import { useSignedIn } from '../../app/auth-context';
import { useLiveEvent } from '../../app/live-connection';
import { routePath } from '../../app/routes';
import { formatDateTime } from '../../time/format-time';
import { casesApi } from './cases-api';

/** On an alert linked to a case: the case, and its agreed line (统一口径) once a statement is released. */
export function AlertCaseLine({ alert }: { alert: Alert }) {
  const { t } = useTranslation();
  const { api, session } = useSignedIn();
  const client = useMemo(() => casesApi(api), [api]);
  const [linked, setLinked] = useState<LinkedCaseLine | undefined>();

  // Only a promoted alert has a case; refetched when the alert changes (it is promoted).
  useEffect(() => {
    setLinked(undefined);
    if (alert.state !== 'promoted') return;
    const controller = new AbortController();
    client.linkedToAlert(alert.id, controller.signal).then(setLinked, (error: unknown) => {
      if (!isAbortError(error)) setLinked(undefined);
    });
    return () => controller.abort();
  }, [client, alert.id, alert.state, alert.updatedAt]);
  // A release on the case shows here at once.
  useLiveEvent('cases:updated', (pushed) => {
    if (pushed.links.alertIds.includes(alert.id)) setLinked({ id: pushed.id, title: pushed.title, agreedLine: pushed.agreedLine });
  });

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
