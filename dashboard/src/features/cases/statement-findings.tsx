import type { CaseStatement } from '@liaowang/contract';
import { useTranslation } from 'react-i18next';

/** What the pre-sign-off checks found in the current text, shown beside it for the reviewer. */
export function StatementFindings({ statement }: { statement: CaseStatement }) {
  const { t } = useTranslation();
  const checks = statement.checks;
  if (!checks) return null;
  return (
    <aside className={`statement-checks${checks.clean ? ' statement-checks--clean' : ''}`} data-testid="statement-checks" data-clean={checks.clean}>
      <strong>{t('cases.statement.checks')}</strong>
      <p>{checks.clean ? t('cases.statement.clean') : t('cases.statement.findings', { count: checks.findings.length })}</p>
      <ul>
        {checks.findings.map((finding, index) => (
          <li key={index} data-testid="statement-finding" data-kind={finding.kind}>
            <span className="case-tag case-tag--risk">{t(`cases.statement.finding.${finding.kind}`)}</span> <code>{finding.code}</code> 「{finding.excerpt}」
            {finding.reason && <span className="case-list__meta"> {finding.reason}</span>}
          </li>
        ))}
      </ul>
    </aside>
  );
}
