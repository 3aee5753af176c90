import type { SilenceInput } from '@liaowang/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

export const SILENCE_HOURS = [1, 4, 12, 24, 72] as const;

/** Mute the rule behind an alert for a set time, with why (R-ALR-3 silences); the stream stops raising it. */
export function SilenceDialog({ ruleId, ruleName, onConfirm, onCancel }: { ruleId: string; ruleName: string; onConfirm(body: SilenceInput): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [hours, setHours] = useState<number>(4);
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return;
    onConfirm({ ruleId, until: new Date(Date.now() + hours * 3_600_000).toISOString(), reason: reason.trim() });
  };
  return (
    <form className="dismiss-dialog" role="dialog" aria-label={t('alerts.silence.title')} onSubmit={submit} data-testid="silence-dialog">
      <h3>{t('alerts.silence.title')}</h3>
      <p>{t('alerts.silence.intro', { rule: ruleName })}</p>
      <label>
        {t('alerts.silence.for')}
        <select value={hours} onChange={(e) => setHours(Number(e.target.value))} autoFocus>
          {SILENCE_HOURS.map((h) => (
            <option key={h} value={h}>
              {t('alerts.silence.hours', { count: h })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('alerts.silence.reason')}
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={3} required />
      </label>
      <div className="dismiss-dialog__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('alerts.dismiss.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={!reason.trim()}>
          {t('alerts.silence.confirm')}
        </button>
      </div>
    </form>
  );
}
