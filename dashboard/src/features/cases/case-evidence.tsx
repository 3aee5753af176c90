import { EVIDENCE_FILE_MEDIA_TYPES, EVIDENCE_MAX_BYTES, may, type CaseEvidence } from '@liaowang/contract';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../app/auth-context';
import { formatDateTime } from '../../time/format-time';
import { useCaseScope } from './case-context';
import { mayWork } from './case-controls';
import { downloadEvidenceFile } from './cases-api';

type LinkKind = 'url' | 'item' | 'alert' | 'story';

// What the file picker offers; the server tells the type by the bytes and refuses the rest (415).
const ACCEPT = [...EVIDENCE_FILE_MEDIA_TYPES, '.doc', '.docx', '.xls', '.xlsx', '.ppt', '.pptx', '.txt'].join(',');

/** `12.3 KB`, `2.0 MB`. */
function sizeOf(bytes: number | undefined): string {
  if (bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function EvidenceForms() {
  const { t } = useTranslation();
  const { act } = useCaseScope();
  const [kind, setKind] = useState<LinkKind>('url');
  const [ref, setRef] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const link = async (event: FormEvent) => {
    event.preventDefault();
    const body = kind === 'url' ? { kind, ref: ref.trim() } : { kind, ref: ref.trim() };
    if (await act((api, c) => api.addEvidence(c.id, { ...body, version: c.version }))) setRef('');
  };
  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    setProblem(undefined);
    if (!file) return;
    // Checked here for a quick answer; the server checks the size again and tells the type by the bytes.
    if (file.size > EVIDENCE_MAX_BYTES) return setProblem(t('cases.evidence.tooLarge'));
    await act((api, c) => api.uploadEvidenceFile(c.id, file, c.version));
  };
  return (
    <div className="case-form">
      <form className="case-form--inline" onSubmit={link} data-testid="evidence-form">
        <select value={kind} onChange={(e) => setKind(e.target.value as LinkKind)} aria-label={t('cases.evidence.title')}>
          {(['url', 'item', 'alert', 'story'] as const).map((k) => <option key={k} value={k}>{t(`cases.evidence.kind.${k}`)}</option>)}
        </select>
        <input className="field__input case-form__grow" placeholder={t('cases.evidence.ref')} aria-label={t('cases.evidence.ref')} value={ref} onChange={(e) => setRef(e.target.value)} data-testid="evidence-ref" required />
        <button type="submit" className="button button--small" data-testid="evidence-link">{t('cases.evidence.link')}</button>
      </form>
      <label className="button button--small case-form__file">
        {t('cases.evidence.upload')}
        <input type="file" accept={ACCEPT} onChange={(e) => void upload(e)} data-testid="evidence-file" />
      </label>
      {problem && <span className="notice--error">{problem}</span>}
    </div>
  );
}

/** Download of an uploaded file with the session's token; says when the bytes' hash differs from the case's record. */
function EvidenceDownload({ evidence }: { evidence: CaseEvidence }) {
  const { t } = useTranslation();
  const { session } = useSignedIn();
  const { item } = useCaseScope();
  const [problem, setProblem] = useState<string | undefined>();
  const download = () => {
    setProblem(undefined);
    downloadEvidenceFile(session.token, item.id, evidence.id)
      .then(({ sha256 }) => {
        if (sha256 && evidence.sha256 && sha256 !== evidence.sha256) setProblem(t('cases.evidence.hashMismatch'));
      })
      .catch(() => setProblem(t('cases.evidence.downloadFailed')));
  };
  return (
    <>
      <button type="button" className="button button--small" onClick={download} data-testid="evidence-download">{t('cases.evidence.download')}</button>
      {problem && <span className="notice--error">{problem}</span>}
    </>
  );
}

function EvidenceRow({ evidence, canWork }: { evidence: CaseEvidence; canWork: boolean }) {
  const { t } = useTranslation();
  const { act, role } = useCaseScope();
  const [unlinking, setUnlinking] = useState(false);
  const [reason, setReason] = useState('');
  const unlink = async (event: FormEvent) => {
    event.preventDefault();
    if (await act((api, c) => api.removeEvidence(c.id, evidence.id, { reason: reason.trim(), version: c.version }))) setUnlinking(false);
  };
  return (
    <li data-testid="case-evidence" data-kind={evidence.kind} data-removed={Boolean(evidence.removed)} className={evidence.removed ? 'case-list__removed' : ''}>
      <span className="case-tag">{t(`cases.evidence.kind.${evidence.kind}`)}</span>
      <span className="case-list__main">{evidence.kind === 'url' ? <a href={evidence.ref} target="_blank" rel="noreferrer noopener">{evidence.ref}</a> : (evidence.name ?? evidence.ref)}</span>
      {evidence.sha256 && <code className="case-evidence__hash" data-testid="evidence-sha256" title={t('cases.evidence.sha256')}>SHA-256 {evidence.sha256}</code>}
      {evidence.kind === 'file' && <span className="case-list__meta" data-testid="evidence-size">{sizeOf(evidence.size)}{evidence.mediaType ? ` · ${evidence.mediaType}` : ''}</span>}
      <span className="case-list__meta">{evidence.addedBy} · {formatDateTime(evidence.addedAt)}</span>
      {evidence.kind === 'file' && may(role, 'cases.evidence.file.view') && <EvidenceDownload evidence={evidence} />}
      {evidence.removed && <span className="case-list__meta">{t('cases.evidence.removed', { reason: evidence.removed.reason, by: evidence.removed.by })}</span>}
      {canWork && !evidence.removed && !unlinking && (
        <button type="button" className="button button--small" onClick={() => setUnlinking(true)} data-testid="evidence-unlink">{t('cases.evidence.unlink')}</button>
      )}
      {unlinking && (
        <form className="case-form--inline" onSubmit={unlink}>
          <input className="field__input" placeholder={t('cases.evidence.unlinkReason')} aria-label={t('cases.evidence.unlinkReason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="evidence-unlink-reason" required autoFocus />
          <button type="submit" className="button button--small" data-testid="evidence-unlink-confirm">{t('cases.evidence.unlink')}</button>
        </form>
      )}
    </li>
  );
}

/** Evidence kept with the case (R-CASE-5): links, URLs and files with their SHA-256; unlinking needs a reason. */
export function CaseEvidenceSection() {
  const { t } = useTranslation();
  const { item, role } = useCaseScope();
  const canWork = mayWork(role, item);
  return (
    <section className="case-section" aria-label={t('cases.evidence.title')}>
      <h2>{t('cases.evidence.title')}</h2>
      <ul className="case-list">
        {item.evidence.map((evidence) => <EvidenceRow key={evidence.id} evidence={evidence} canWork={canWork} />)}
        {item.evidence.length === 0 && <li className="case-list__empty">{t('cases.evidence.empty')}</li>}
      </ul>
      {canWork && <EvidenceForms />}
    </section>
  );
}
