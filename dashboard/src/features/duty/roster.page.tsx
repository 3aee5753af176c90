import { may, SHIFT_POST_NAMES, SHIFT_POSTS, type RosterView, type ShiftPost, type UserAccount } from '@liaowang/contract';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../app/auth-context';
import { usersApi } from '../users/users-api';
import { describeDutyError } from './describe-error';
import { dutyApi } from './duty-api';
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
  const [view, setView] = useState<RosterView | undefined>();
  const [editing, setEditing] = useState(false);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | undefined>();
  const [people, setPeople] = useState<Partial<Record<ShiftPost, string[]>>>({});

  const load = useCallback(
    (signal?: AbortSignal) =>
      duty.roster(from, to, signal).then(setView, (error: unknown) => {
        if (!signal?.aborted) setMessage({ kind: 'error', text: describeDutyError(error, t) });
      }),
    [duty, from, to, t],
  );
  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  // Admins may list users: offer the ones who may hold each post.
  useEffect(() => {
    if (!canEdit || !may(session.user.role, 'users.manage')) return;
    usersApi(api)
      .list()
      .then((users: UserAccount[]) => {
        const active = users.filter((u) => !u.disabled);
        setPeople(Object.fromEntries(SHIFT_POST_NAMES.map((post) => [post, active.filter((u) => (SHIFT_POSTS[post] as readonly string[]).includes(u.role)).map((u) => u.username)])));
      })
      .catch(() => undefined);
  }, [api, canEdit, session.user.role]);

  const save = async (drafts: ShiftDraft[]) => {
    if (!view) return;
    setPending(true);
    try {
      setView(await duty.saveRoster({ from: view.from, to: view.to, version: view.version, shifts: drafts.map(fromDraft) }));
      setEditing(false);
      setMessage({ kind: 'info', text: t('duty.roster.saved') });
    } catch (error) {
      setMessage({ kind: 'error', text: describeDutyError(error, t) });
    } finally {
      setPending(false);
    }
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
      {message ? (
        <p className={`notice notice--${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="roster-message">
          {message.text}
        </p>
      ) : null}
      {view && editing ? (
        <RosterEditor
          initial={view.shifts.map(toDraft)}
          weekFrom={view.from}
          people={people}
          pending={pending}
          onSave={(drafts) => void save(drafts)}
          onCancel={() => setEditing(false)}
        />
      ) : null}
      {view ? <RosterWeekView view={view} /> : null}
    </div>
  );
}
