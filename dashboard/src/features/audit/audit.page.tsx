import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../../api/api-error';
import { useSignedIn } from '../../app/auth-context';
import { AuditFilterForm } from './audit-filter-form';
import { EMPTY_AUDIT_FILTERS, type AuditFilters } from './audit-filters';
import { AuditTable } from './audit-table';
import { AuditVerdict } from './audit-verdict';
import { auditKeys, useAuditTrail, useAuditVerification } from './use-audit-trail';

/** Admin page: the audit trail with filters, and whether its hash chain is whole (R-SEC-2, R-SEC-6). */
export function AuditPage() {
  const { t } = useTranslation();
  const { api } = useSignedIn();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<AuditFilters>(EMPTY_AUDIT_FILTERS);
  const trail = useAuditTrail(api, filters);
  const verification = useAuditVerification(api);

  const describe = (error: unknown) =>
    error instanceof ApiError
      ? (error.problem?.detail ?? t('error.http', { status: error.status }))
      : error instanceof NetworkError
        ? t('error.network')
        : String(error);

  return (
    <div className="audit-page" data-testid="audit-page">
      <div className="audit-page__head">
        <h1 className="audit-page__title">{t('audit.title')}</h1>
        <AuditVerdict verification={verification} describe={describe} />
      </div>
      <AuditFilterForm
        onApply={(next) => {
          // Applying the same filters again shows the newest records: back to one fresh page.
          void queryClient.resetQueries({ queryKey: auditKeys.trail(next), exact: true });
          setFilters(next);
        }}
      />
      <div className="audit-page__list">
        {trail.error ? <p className="notice notice--error">{describe(trail.error)}</p> : null}
        <AuditTable records={trail.records} />
        {trail.nextBefore !== undefined ? (
          <button type="button" className="button audit-page__more" onClick={trail.loadOlder} disabled={trail.pending}>
            {t('audit.older')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
