import { may, type Handover, type HandoverPreview } from '@liaowang/contract';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../app/auth-context';
import { formatDateTime } from '../../time/format-time';
import { describeDutyError } from './describe-error';
import { dutyApi } from './duty-api';
import { ShiftSummaryView } from './shift-summary-view';
import './duty.css';

/** Shift handover (R-ALR-4): the outgoing officer writes the note beside the summary; the incoming one confirms. */
export function HandoverPage() {
  const { t } = useTranslation();
  const { api, session } = useSignedIn();
  const duty = useMemo(() => dutyApi(api), [api]);
  const canWrite = may(session.user.role, 'duty.handover');
  const [preview, setPreview] = useState<HandoverPreview | undefined>();
  const [handovers, setHandovers] = useState<Handover[]>([]);
  const [note, setNote] = useState('');
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | undefined>();

  const load = useCallback(async () => {
    const [list, next] = await Promise.allSettled([duty.handovers(20), duty.preview()]);
    if (list.status === 'fulfilled') setHandovers(list.value);
    else setMessage({ kind: 'error', text: describeDutyError(list.reason, t) });
    setPreview(next.status === 'fulfilled' ? next.value : undefined);
  }, [duty, t]);
  useEffect(() => void load(), [load]);

  const act = async (run: () => Promise<unknown>, done: string) => {
    setPending(true);
    try {
      await run();
      setMessage({ kind: 'info', text: done });
      await load();
    } catch (error) {
      setMessage({ kind: 'error', text: describeDutyError(error, t) });
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="duty-page" data-testid="handover-page">
      <div className="duty-page__head">
        <h1 className="duty-page__title">{t('duty.handover.title')}</h1>
      </div>
      {message ? (
        <p className={`notice notice--${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="handover-message">
          {message.text}
        </p>
      ) : null}
      <div className="handover-page__grid">
        <section className="handover-card">
          <h2>{t('duty.handover.outgoing')}</h2>
          {preview ? (
            <>
              <p className="handover-card__meta">
                {t('duty.handover.shift', { from: formatDateTime(preview.shift.startsAt), to: formatDateTime(preview.shift.endsAt), officer: preview.shift.dutyOfficer })}
                {preview.incoming ? ` · ${t('duty.handover.incoming', { officer: preview.incoming })}` : ''}
              </p>
              <ShiftSummaryView summary={preview.summary} />
            </>
          ) : (
            <p className="notice notice--info">{t('duty.handover.noShift')}</p>
          )}
          {canWrite && preview ? (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                void act(() => duty.writeHandover(note), t('duty.handover.written')).then(() => setNote(''));
              }}
            >
              <label>
                {t('duty.handover.note')}
                <textarea required maxLength={5000} value={note} onChange={(e) => setNote(e.target.value)} data-testid="handover-note" />
              </label>
              <button type="submit" className="button button--primary" disabled={pending || !note.trim()} data-testid="handover-submit">
                {t('duty.handover.submit')}
              </button>
            </form>
          ) : null}
        </section>
        <section className="handover-card">
          <h2>{t('duty.handover.recent')}</h2>
          {handovers.length === 0 ? <p>{t('duty.handover.empty')}</p> : null}
          {handovers.map((handover) => (
            <article key={handover.id} className="handover-card" data-testid="handover" data-state={handover.state}>
              <p className="handover-card__meta">
                {t('duty.handover.by', { writer: handover.writtenBy, at: formatDateTime(handover.writtenAt) })} ·{' '}
                {handover.state === 'confirmed'
                  ? t('duty.handover.confirmedBy', { who: handover.confirmedBy, at: formatDateTime(handover.confirmedAt) })
                  : t('duty.handover.awaiting', { who: handover.incoming ?? '—' })}
              </p>
              <p>{handover.note}</p>
              <ShiftSummaryView summary={handover.summary} />
              {canWrite && handover.state === 'written' && handover.writtenBy !== session.user.username ? (
                <button
                  type="button"
                  className="button button--primary"
                  disabled={pending}
                  data-testid="handover-confirm"
                  onClick={() => void act(() => duty.confirm(handover.id), t('duty.handover.confirmed'))}
                >
                  {t('duty.handover.confirm')}
                </button>
              ) : null}
            </article>
          ))}
        </section>
      </div>
    </div>
  );
}
