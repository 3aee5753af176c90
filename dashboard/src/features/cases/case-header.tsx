import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../app/auth-context';
import { formatDateTime } from '../../time/format-time';
import { CaseClocks } from './case-clock-badge';
import { useCaseScope } from './case-context';
import { downloadReport, type ReportFormat } from './cases-api';

/** Title, stage, grade, owner, live clocks, the agreed line once released, and the report. */
export function CaseHeader() {
  const { t } = useTranslation();
  const { session } = useSignedIn();
  const { item } = useCaseScope();
  const [downloadError, setDownloadError] = useState(false);
  const download = (format: ReportFormat) => {
    setDownloadError(false);
    downloadReport(session.token, item.id, format).catch(() => setDownloadError(true));
  };
  return (
    <header className="case-header">
      <div className="case-header__line">
        <h1 data-testid="case-title">{item.title}</h1>
        <span className={`case-state case-state--${item.state}`} data-testid="case-state" data-state={item.state}>{t(`cases.state.${item.state}`)}</span>
        {item.grade && <span className={`case-grade case-grade--${item.grade}`} data-testid="case-grade" data-grade={item.grade}>{t(`cases.grade.${item.grade}`)}</span>}
        <span className="case-header__version">{t('cases.page.version', { version: item.version })}</span>
      </div>
      <dl className="case-header__facts">
        <dt>{t('cases.page.owner')}</dt>
        <dd data-testid="case-owner">{item.owner ?? '—'}</dd>
        {item.ownerLevel && (
          <>
            <dt>{t('cases.page.ownerLevel')}</dt>
            <dd>{t(`cases.ownerLevel.${item.ownerLevel}`)}</dd>
          </>
        )}
        <dt>{t('cases.page.openedAt')}</dt>
        <dd>{formatDateTime(item.openedAt)} · {item.openedBy}</dd>
      </dl>
      <CaseClocks item={item} />
      {item.agreedLine && (
        <blockquote className="agreed-line" data-testid="case-agreed-line">
          <strong>{t('cases.agreedLine.title')}</strong> <span className="agreed-line__meta">{t('cases.agreedLine.releasedAt', { time: formatDateTime(item.agreedLine.releasedAt) })}</span>
          <p>{item.agreedLine.text}</p>
        </blockquote>
      )}
      <div className="case-header__reports">
        <span>{t('cases.page.reports')}</span>
        <button type="button" className="button button--small" onClick={() => download('pdf')} data-testid="report-pdf">{t('cases.page.pdf')}</button>
        <button type="button" className="button button--small" onClick={() => download('docx')} data-testid="report-docx">{t('cases.page.docx')}</button>
        {downloadError && <span className="notice--error">{t('cases.page.downloadError')}</span>}
      </div>
    </header>
  );
}
