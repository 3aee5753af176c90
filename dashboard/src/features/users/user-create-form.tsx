import { PASSWORD_MIN_LENGTH, ROLES, type CreateUserRequest, type Role } from '@liaowang/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** The "new user" form; the server validates again and names a failing field. */
export function UserCreateForm({ onCreate, pending }: { onCreate(body: CreateUserRequest): Promise<boolean>; pending: boolean }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('duty_officer');
  const [password, setPassword] = useState('');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (await onCreate({ username: username.trim(), displayName: displayName.trim(), role, password })) {
      setUsername('');
      setDisplayName('');
      setPassword('');
    }
  }

  return (
    <form className="users-create" onSubmit={submit} data-testid="user-create">
      <h2 className="users-create__title">{t('users.create.title')}</h2>
      <label>
        {t('users.create.username')}
        <input name="username" value={username} onChange={(e) => setUsername(e.target.value)} required autoComplete="off" />
      </label>
      <label>
        {t('users.create.displayName')}
        <input name="displayName" value={displayName} onChange={(e) => setDisplayName(e.target.value)} required />
      </label>
      <label>
        {t('users.create.role')}
        <select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('users.create.password')}
        <input
          name="password"
          type="password"
          value={password}
          minLength={PASSWORD_MIN_LENGTH}
          onChange={(e) => setPassword(e.target.value)}
          required
          autoComplete="new-password"
        />
      </label>
      <button type="submit" className="button button--primary" disabled={pending}>
        {t('users.create.submit')}
      </button>
    </form>
  );
}
