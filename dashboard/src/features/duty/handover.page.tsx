import { may } from '@liaowang/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../app/auth-context';
import { useLiveInvalidate } from '../../app/live-invalidate';
import { formatDateTime } from '../../time/format-time';
import { describeDutyError } from './describe-error';
import { dutyApi, dutyKeys } from './duty-api';
import { ShiftSummaryView } from './shift-summary-view';
import './duty.css';

/** Shift handover (R-ALR-4): the outgoing officer writes the note beside the summary; the incoming one confirms. */
export function HandoverPage() {
  const { t } = useTranslation();
  const { api, session } = useSignedIn();
  const duty = useMemo(() => dutyApi(api), [api]);
  const canWrite = may(session.user.role, 'duty.handover');
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | undefined>();
  const list = useQuery({ queryKey: dutyKeys.handovers, queryFn: ({ signal }) => duty.handovers(20, signal) });
  // No shift now (or none to sum up) is an answer too: the card says so, no error.
  const next = useQuery({ queryKey: dutyKeys.preview, queryFn: ({ signal }) => duty.preview(signal) });
  // The summary counts the shift's alerts and cases: it follows them live.
  useLiveInvalidate(['alerts:new', 'alerts:updated', 'cases:updated'], [dutyKeys.preview], 5_000);
  const handovers = list.data ?? [];
  const preview = next.isError ? undefined : next.data;
  const shown = message ?? (list.error ? { kind: 'error' as const, text: describeDutyError(list.error, t) } : undefined);

  const change = useMutation({
    mutationFn: ({ run }: { run: () => Promise<unknown>; done: string }) => run(),
    onSuccess: async (_, { done }) => {
      setMessage({ kind: 'info', text: done });
      await Promise.all([queryClient.invalidateQueries({ queryKey: dutyKeys.handovers }), queryClient.invalidateQueries({ queryKey: dutyKeys.preview })]);
    },
    onError: (error) => setMessage({ kind: 'error', text: describeDutyError(error, t) }),
  });
  const pending = change.isPending;
  const act = (run: () => Promise<unknown>, done: string) => change.mutateAsync({ run, done }).catch(() => undefined);

  return (
    <div className="duty-page" data-testid="handover-page">
      <div className="duty-page__head">
        <h1 className="duty-page__title">{t('duty.handover.title')}</h1>
      </div>
      {shown ? (
        <p className={`notice notice--${shown.kind}`} role={shown.kind === 'error' ? 'alert' : 'status'} data-testid="handover-message">
          {shown.text}
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
