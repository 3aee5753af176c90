import type { CreateUserRequest, Role, UserAccount } from '@liaowang/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../../api/api-error';
import { useSignedIn } from '../../app/auth-context';
import { UserCreateForm } from './user-create-form';
import { UserRow, type UserRowActions } from './user-row';
import { userKeys, usersApi, usersListQuery } from './users-api';

type Message = { kind: 'info' | 'error'; text: string };

/** Admin page (R-SEC-5): list, create, disable/enable, change role, reset password, sign out everywhere. */
export function UsersPage() {
  const { t } = useTranslation();
  const { api, session } = useSignedIn();
  const calls = useMemo(() => usersApi(api), [api]);
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<Message | null>(null);
  const describe = useCallback((error: unknown) => describeUserError(error, t), [t]);
  const list = useQuery(usersListQuery(api));
  const users: UserAccount[] = list.data ?? [];
  const shown = message ?? (list.error ? { kind: 'error' as const, text: describe(list.error) } : null);

  // One change at a time; it shows what happened and reloads the list (a 409 too: the list was stale).
  const change = useMutation({
    mutationFn: (work: () => Promise<string>) => work(),
    onSuccess: (text) => setMessage({ kind: 'info', text }),
    onError: (error) => setMessage({ kind: 'error', text: describe(error) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
  const pending = change.isPending;
  const run = (work: () => Promise<string>): Promise<boolean> => change.mutateAsync(work).then(
    () => true,
    () => false,
  );

  const actions: UserRowActions = {
    setRole: (user, role: Role) =>
      void run(async () => {
        await calls.update(user.username, { role, version: user.version });
        return t('users.done.updated', { username: user.username });
      }),
    setDisabled: (user, disabled) =>
      void run(async () => {
        await calls.update(user.username, { disabled, version: user.version });
        return t('users.done.updated', { username: user.username });
      }),
    resetPassword: (user, password) =>
      run(async () => {
        const { revoked } = await calls.resetPassword(user.username, password);
        return t('users.done.reset', { username: user.username, count: revoked });
      }),
    revokeSessions: (user) =>
      void run(async () => {
        const { revoked } = await calls.revokeSessions(user.username);
        return t('users.done.revoked', { username: user.username, count: revoked });
      }),
  };

  const create = (body: CreateUserRequest) =>
    run(async () => {
      await calls.create(body);
      return t('users.done.created', { username: body.username });
    });

  return (
    <div className="users-page" data-testid="users-page">
      <h1 className="users-page__title">{t('users.title')}</h1>
      <p className="users-page__intro">{t('users.intro')}</p>
      {shown ? (
        <p className={`notice notice--${shown.kind}`} role={shown.kind === 'error' ? 'alert' : 'status'} data-testid="users-message">
          {shown.text}
        </p>
      ) : null}
      <div className="users-page__body">
        <div className="users-page__list">
          <table className="data-table users-table">
            <thead>
              <tr>
                <th>{t('users.columns.username')}</th>
                <th>{t('users.columns.displayName')}</th>
                <th>{t('users.columns.role')}</th>
                <th>{t('users.columns.status')}</th>
                <th>{t('users.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <UserRow key={user.username} user={user} self={user.username === session.user.username} pending={pending} actions={actions} />
              ))}
            </tbody>
          </table>
          {users.length === 0 ? <p className="item-table__empty">{t('users.empty')}</p> : null}
        </div>
        <UserCreateForm onCreate={create} pending={pending} />
      </div>
    </div>
  );
}

function describeUserError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    // A stale version (another admin saved first); a taken user name keeps the server's words.
    if (error.status === 409 && !error.problem?.detail?.includes('exists')) return t('users.error.conflict');
    if (error.status === 422) return t('users.error.self');
    return error.problem?.detail ?? t('error.http', { status: error.status });
  }
  return error instanceof NetworkError ? t('error.network') : String(error);
}
