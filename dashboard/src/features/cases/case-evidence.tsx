import { EVIDENCE_MAX_BYTES, EVIDENCE_MEDIA_TYPES, type CaseEvidence, type EvidenceMediaType } from '@liaowang/contract';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../time/format-time';
import { useCaseScope } from './case-context';
import { mayWork } from './case-controls';

type LinkKind = 'url' | 'item' | 'alert' | 'story';

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // A data URL is `data:<type>;base64,<bytes>`: keep the bytes.
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
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
    // Checked here for a quick answer; the server checks type and size again.
    if (!(EVIDENCE_MEDIA_TYPES as readonly string[]).includes(file.type)) return setProblem(t('cases.evidence.badType'));
    if (file.size > EVIDENCE_MAX_BYTES) return setProblem(t('cases.evidence.tooLarge'));
    const contentBase64 = await readBase64(file);
    await act((api, c) => api.addEvidence(c.id, { kind: 'file', name: file.name, mediaType: file.type as EvidenceMediaType, contentBase64, version: c.version }));
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
        <input type="file" accept={EVIDENCE_MEDIA_TYPES.join(',')} onChange={(e) => void upload(e)} data-testid="evidence-file" />
      </label>
      {problem && <span className="notice--error">{problem}</span>}
    </div>
  );
}

function EvidenceRow({ evidence, canWork }: { evidence: CaseEvidence; canWork: boolean }) {
  const { t } = useTranslation();
  const { act } = useCaseScope();
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
      <span className="case-list__meta">{evidence.addedBy} · {formatDateTime(evidence.addedAt)}</span>
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
