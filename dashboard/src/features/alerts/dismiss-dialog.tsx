import { DISMISS_REASONS, type DismissAlert } from '@liaowang/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Dismissal needs a reason from the list (R-ALR-3), and a note when the reason is "other". */
export function DismissDialog({ onConfirm, onCancel }: { onConfirm(body: DismissAlert): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<DismissAlert['reason']>('false_positive');
  const [note, setNote] = useState('');
  const noteMissing = reason === 'other' && !note.trim();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!noteMissing) onConfirm({ reason, ...(note.trim() ? { note: note.trim() } : {}) });
  };
  return (
    <form className="dismiss-dialog" role="dialog" aria-label={t('alerts.dismiss.title')} onSubmit={submit} data-testid="dismiss-dialog">
      <h3>{t('alerts.dismiss.title')}</h3>
      <label>
        {t('alerts.dismiss.reason')}
        <select value={reason} onChange={(e) => setReason(e.target.value as DismissAlert['reason'])} autoFocus>
          {DISMISS_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`alerts.dismiss.reasons.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('alerts.dismiss.note')}
        <textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} rows={3} />
      </label>
      {noteMissing && <p className="notice notice--error">{t('alerts.dismiss.noteRequired')}</p>}
      <div className="dismiss-dialog__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('alerts.dismiss.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={noteMissing}>
          {t('alerts.dismiss.confirm')}
        </button>
      </div>
    </form>
  );
}
