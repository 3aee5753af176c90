import { may, SHIFT_POST_NAMES, SHIFT_POSTS, type RosterView, type ShiftPost } from '@liaowang/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../app/auth-context';
import { usersListQuery } from '../users/users-api';
import { describeDutyError } from './describe-error';
import { dutyApi, dutyKeys } from './duty-api';
import { RosterEditor } from './roster-editor';
import { addDays, fromDraft, toDraft, weekStart, type ShiftDraft } from './roster-week';
import { RosterWeekView } from './roster-week-view';
import './duty.css';

/** The duty roster, a week at a time in Beijing time; admins edit the week and save it in one go (R-ALR-4). */
export function RosterPage() {
  const { t } = useTranslation();
  const { api, session } = useSignedIn();
  const duty = useMemo(() => dutyApi(api), [api]);
  const canEdit = may(session.user.role, 'roster.manage');
  const [from, setFrom] = useState(() => weekStart(Date.now()));
  const to = addDays(from, 7);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | undefined>();
  const week = useQuery({ queryKey: dutyKeys.roster(from, to), queryFn: ({ signal }) => duty.roster(from, to, signal) });
  const view = week.data;
  const shown = message ?? (week.error ? { kind: 'error' as const, text: describeDutyError(week.error, t) } : undefined);

  // Admins may list users (the users page's list, shared): offer the ones who may hold each post.
  const users = useQuery({ ...usersListQuery(api), enabled: canEdit && may(session.user.role, 'users.manage') });
  const people = useMemo<Partial<Record<ShiftPost, string[]>>>(() => {
    const active = (users.data ?? []).filter((u) => !u.disabled);
    return Object.fromEntries(SHIFT_POST_NAMES.map((post) => [post, active.filter((u) => (SHIFT_POSTS[post] as readonly string[]).includes(u.role)).map((u) => u.username)]));
  }, [users.data]);

  // Saved with the version we read: a week saved meanwhile by someone else answers 409.
  const saving = useMutation({
    mutationFn: ({ week: shown, drafts }: { week: RosterView; drafts: ShiftDraft[] }) =>
      duty.saveRoster({ from: shown.from, to: shown.to, version: shown.version, shifts: drafts.map(fromDraft) }),
    onSuccess: (saved) => {
      queryClient.setQueryData(dutyKeys.roster(from, to), saved);
      // Who is on watch now and the shift a handover sums up may have changed with it.
      void queryClient.invalidateQueries({ queryKey: dutyKeys.now });
      void queryClient.invalidateQueries({ queryKey: dutyKeys.preview });
      setEditing(false);
      setMessage({ kind: 'info', text: t('duty.roster.saved') });
    },
    onError: (error) => setMessage({ kind: 'error', text: describeDutyError(error, t) }),
  });
  const pending = saving.isPending;
  const save = (drafts: ShiftDraft[]) => {
    if (view) saving.mutate({ week: view, drafts });
  };

  const move = (days: number) => {
    setEditing(false);
    setMessage(undefined);
    setFrom(days === 0 ? weekStart(Date.now()) : addDays(from, days));
  };

  return (
    <div className="duty-page" data-testid="roster-page">
      <div className="duty-page__head">
        <h1 className="duty-page__title">{t('duty.roster.title')}</h1>
        <span className="duty-page__range">{t('duty.roster.range', { from: from.slice(0, 10), to: addDays(from, 6).slice(0, 10) })}</span>
        <button type="button" className="button button--small" onClick={() => move(-7)}>
          {t('duty.roster.previous')}
        </button>
        <button type="button" className="button button--small" onClick={() => move(0)}>
          {t('duty.roster.thisWeek')}
        </button>
        <button type="button" className="button button--small" onClick={() => move(7)}>
          {t('duty.roster.next')}
        </button>
        {canEdit && view && !editing ? (
          <button type="button" className="button button--primary button--small" data-testid="roster-edit" onClick={() => setEditing(true)}>
            {t('duty.roster.edit')}
          </button>
        ) : null}
        {view && view.gaps.length > 0 ? <span className="notice notice--error">{t('duty.roster.gaps', { count: view.gaps.length })}</span> : null}
      </div>
      {shown ? (
        <p className={`notice notice--${shown.kind}`} role={shown.kind === 'error' ? 'alert' : 'status'} data-testid="roster-message">
          {shown.text}
        </p>
      ) : null}
      {view && editing ? (
        <RosterEditor
          initial={view.shifts.map(toDraft)}
          weekFrom={view.from}
          people={people}
          pending={pending}
          onSave={save}
          onCancel={() => setEditing(false)}
        />
      ) : null}
      {view ? <RosterWeekView view={view} /> : null}
    </div>
  );
}
