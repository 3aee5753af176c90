import { CASE_OUTCOMES, may, type CaseOutcome } from '@liaowang/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../time/format-time';
import { useCaseScope } from './case-context';

/** The closing summary, outcome and lessons, written before the case is archived (R-CASE-6). */
export function CaseClosingSection() {
  const { t } = useTranslation();
  const { item, act, role, markDirty } = useCaseScope();
  const [summary, setSummary] = useState(item.closing?.summary ?? '');
  const [outcome, setOutcome] = useState<CaseOutcome>(item.closing?.outcome ?? 'resolved');
  const [lessons, setLessons] = useState(item.closing?.lessons ?? '');
  const canWrite = may(role, 'cases.transition') && item.state !== 'archive';
  if (!canWrite && !item.closing) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { summary: summary.trim(), outcome, ...(lessons.trim() ? { lessons: lessons.trim() } : {}) };
    if (await act((api, c) => api.writeClosing(c.id, { ...body, version: c.version }))) markDirty('closing', false);
  };
  const edit = (set: (v: string) => void) => (value: string) => {
    set(value);
    markDirty('closing', true);
  };
  return (
    <section className="case-section" aria-label={t('cases.closing.title')} data-testid="case-closing">
      <h2>{t('cases.closing.title')}</h2>
      {item.closing && (
        <p className="case-list__meta" data-testid="closing-written">
          {t(`cases.closing.outcomeName.${item.closing.outcome}`)} · {item.closing.by} · {formatDateTime(item.closing.at)}
        </p>
      )}
      {canWrite ? (
        <form className="case-form" onSubmit={submit}>
          <textarea className="field__input case-form__text" placeholder={t('cases.closing.summary')} aria-label={t('cases.closing.summary')} value={summary} onChange={(e) => edit(setSummary)(e.target.value)} data-testid="closing-summary" required />
          <label>
            {t('cases.closing.outcome')}{' '}
            <select value={outcome} onChange={(e) => setOutcome(e.target.value as CaseOutcome)} data-testid="closing-outcome">
              {CASE_OUTCOMES.map((o) => <option key={o} value={o}>{t(`cases.closing.outcomeName.${o}`)}</option>)}
            </select>
          </label>
          <textarea className="field__input" placeholder={t('cases.closing.lessons')} aria-label={t('cases.closing.lessons')} value={lessons} onChange={(e) => edit(setLessons)(e.target.value)} data-testid="closing-lessons" />
          <button type="submit" className="button button--small button--primary" data-testid="closing-save">{t('cases.closing.save')}</button>
        </form>
      ) : (
        item.closing && <p>{item.closing.summary}</p>
      )}
    </section>
  );
}
