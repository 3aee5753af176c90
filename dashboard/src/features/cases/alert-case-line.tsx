import { may, type Alert, type Case } from '@liaowang/contract';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../app/auth-context';
import { useLiveEvent } from '../../app/live-connection';
import { routeHref } from '../../app/use-hash-route';
import { formatDateTime } from '../../time/format-time';
import { caseIdOfAlert } from './case-of-alert';
import { casesApi } from './cases-api';

/** On an alert promoted to a case: the case, and its agreed line (统一口径) once a statement is released. */
export function AlertCaseLine({ alert }: { alert: Alert }) {
  const { t } = useTranslation();
  const { api, session } = useSignedIn();
  const client = useMemo(() => casesApi(api), [api]);
  const caseId = caseIdOfAlert(alert);
  const canRead = may(session.user.role, 'cases.read');
  const [item, setItem] = useState<Case | undefined>();

  useEffect(() => {
    setItem(undefined);
    if (!caseId || !canRead) return;
    const controller = new AbortController();
    client.get(caseId, controller.signal).then(setItem, () => undefined);
    return () => controller.abort();
  }, [client, caseId, canRead]);
  useLiveEvent('cases:updated', (pushed) => {
    if (pushed.id === caseId) setItem((prev) => (prev && prev.version > pushed.version ? prev : pushed));
  });

  if (!caseId || !canRead) return null;
  return (
    <div className="alert-case-line" data-testid="alert-case">
      <a href={routeHref('cases', caseId)} data-testid="alert-case-link">{item?.title ?? caseId}</a>
      {item && <span className="alert-case-line__state"> · {t(`cases.state.${item.state}`)}</span>}
      {item?.agreedLine && (
        <blockquote className="agreed-line" data-testid="alert-agreed-line">
          <strong>{t('cases.agreedLine.title')}</strong> <span className="agreed-line__meta">{t('cases.agreedLine.releasedAt', { time: formatDateTime(item.agreedLine.releasedAt) })}</span>
          <p>{item.agreedLine.text}</p>
        </blockquote>
      )}
    </div>
  );
}
