import { PASSWORD_MIN_LENGTH, ROLES, type Role, type UserAccount } from '@liaowang/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface UserRowActions {
  setRole(user: UserAccount, role: Role): void;
  setDisabled(user: UserAccount, disabled: boolean): void;
  resetPassword(user: UserAccount, password: string): Promise<boolean>;
  revokeSessions(user: UserAccount): void;
}

/** One user with the admin's controls; one's own role and account cannot be changed (the server refuses too). */
export function UserRow({ user, self, pending, actions }: { user: UserAccount; self: boolean; pending: boolean; actions: UserRowActions }) {
  const { t } = useTranslation();
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  return (
    <tr data-testid="user-row" data-username={user.username} data-disabled={user.disabled}>
      <td>
        {user.username} {self ? <span className="users-table__you">{t('users.you')}</span> : null}
      </td>
      <td>{user.displayName}</td>
      <td>
        <select
          aria-label={t('users.columns.role')}
          value={user.role}
          disabled={self || pending}
          onChange={(e) => actions.setRole(user, e.target.value as Role)}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <span className={user.disabled ? 'status-tag status-tag--off' : 'status-tag'}>{user.disabled ? t('users.disabled') : t('users.active')}</span>
      </td>
      <td className="users-table__actions">
        <button type="button" className="button" disabled={self || pending} onClick={() => actions.setDisabled(user, !user.disabled)}>
          {user.disabled ? t('users.enable') : t('users.disable')}
        </button>
        {resetting ? (
          <form
            className="users-table__reset"
            onSubmit={(e) => {
              e.preventDefault();
              void actions.resetPassword(user, password).then((ok) => {
                if (!ok) return;
                setResetting(false);
                setPassword('');
              });
            }}
          >
            <input
              type="password"
              aria-label={t('users.newPassword')}
              placeholder={t('users.newPassword')}
              minLength={PASSWORD_MIN_LENGTH}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
              autoComplete="new-password"
            />
            <button type="submit" className="button button--primary" disabled={pending}>
              {t('users.confirmReset')}
            </button>
            <button type="button" className="button" onClick={() => setResetting(false)}>
              {t('users.cancel')}
            </button>
          </form>
        ) : (
          <button type="button" className="button" disabled={pending} onClick={() => setResetting(true)}>
            {t('users.resetPassword')}
          </button>
        )}
        <button type="button" className="button" disabled={pending} onClick={() => actions.revokeSessions(user)}>
          {t('users.revokeSessions')}
        </button>
      </td>
    </tr>
  );
}
