import { SHIFT_POST_NAMES, type ShiftPost } from '@liaowang/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nextDraft, type ShiftDraft } from './roster-week';

interface Props {
  initial: ShiftDraft[];
  weekFrom: string;
  /** Usernames offered for each post (admins may list users). */
  people: Partial<Record<ShiftPost, string[]>>;
  pending: boolean;
  onSave(drafts: ShiftDraft[]): void;
  onCancel(): void;
}

let drafted = 0;

/** The week's shifts as rows an admin adds, changes and removes, then saves in one go. */
export function RosterEditor({ initial, weekFrom, people, pending, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState(initial);
  const change = (key: string, patch: Partial<ShiftDraft>) => setDrafts((all) => all.map((d) => (d.key === key ? { ...d, ...patch } : d)));

  return (
    <form
      className="roster-editor"
      data-testid="roster-editor"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(drafts);
      }}
    >
      {SHIFT_POST_NAMES.map((post) => (
        <datalist key={post} id={`roster-people-${post}`}>
          {(people[post] ?? []).map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      ))}
      <table className="data-table">
        <thead>
          <tr>
            <th>{t('duty.roster.start')}</th>
            <th>{t('duty.roster.end')}</th>
            {SHIFT_POST_NAMES.map((post) => (
              <th key={post}>{t(`duty.post.${post}`)}</th>
            ))}
            <th>{t('duty.roster.note')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {drafts.map((draft) => (
            <tr key={draft.key} data-testid="roster-draft">
              <td>
                <input type="datetime-local" required value={draft.start} aria-label={t('duty.roster.start')} onChange={(e) => change(draft.key, { start: e.target.value })} />
              </td>
              <td>
                <input type="datetime-local" required value={draft.end} aria-label={t('duty.roster.end')} onChange={(e) => change(draft.key, { end: e.target.value })} />
              </td>
              {SHIFT_POST_NAMES.map((post) => (
                <td key={post}>
                  <input
                    list={`roster-people-${post}`}
                    required={post === 'dutyOfficer'}
                    value={draft[post]}
                    aria-label={t(`duty.post.${post}`)}
                    onChange={(e) => change(draft.key, { [post]: e.target.value })}
                  />
                </td>
              ))}
              <td>
                <input value={draft.note} aria-label={t('duty.roster.note')} onChange={(e) => change(draft.key, { note: e.target.value })} />
              </td>
              <td>
                <button type="button" className="button button--small" onClick={() => setDrafts((all) => all.filter((d) => d.key !== draft.key))}>
                  {t('duty.roster.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="roster-editor__actions">
        <button type="button" className="button" onClick={() => setDrafts((all) => [...all, nextDraft(all.at(-1), weekFrom, `new-${++drafted}`)])}>
          {t('duty.roster.add')}
        </button>
        <button type="submit" className="button button--primary" disabled={pending} data-testid="roster-save">
          {t('duty.roster.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('duty.roster.cancel')}
        </button>
      </div>
    </form>
  );
}
