import { useTranslation } from 'react-i18next';
import type { AuditVerification } from './use-audit-trail';

/** Whether the hash chain is whole (R-SEC-6), with the first broken seq when it is not. */
export function AuditVerdict({ verification, describe }: { verification: AuditVerification; describe(error: unknown): string }) {
  const { t } = useTranslation();
  const { verdict, pending, error } = verification;
  let body: React.JSX.Element;
  if (error) body = <span className="audit-verdict__text">{describe(error)}</span>;
  else if (!verdict) body = <span className="audit-verdict__text">{t('audit.verify.running')}</span>;
  else if (verdict.ok) body = <span className="audit-verdict__text">{t('audit.verify.whole', { count: verdict.records })}</span>;
  else
    body = (
      <span className="audit-verdict__text">
        {t('audit.verify.broken', { seq: verdict.firstBrokenSeq })}{' '}
        {verdict.tamper ? t(`audit.tamper.${verdict.tamper}`) : ''}
        <span className="audit-verdict__reason">{verdict.reason}</span>
      </span>
    );
  const state = error ? 'unknown' : !verdict ? 'pending' : verdict.ok ? 'whole' : 'broken';
  return (
    <section className={`audit-verdict audit-verdict--${state}`} data-testid="audit-verdict" data-state={state} aria-live="polite">
      <span className="audit-verdict__glyph" aria-hidden="true">
        {state === 'whole' ? '✓' : state === 'broken' ? '✕' : '…'}
      </span>
      {body}
      <button type="button" className="button button--small" onClick={verification.run} disabled={pending}>
        {pending ? t('audit.verify.running') : t('audit.verify.again')}
      </button>
    </section>
  );
}
