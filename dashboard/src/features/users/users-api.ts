import type { CreateUserRequest, RevokedSessions, UpdateUserRequest, UserAccount } from '@liaowang/contract';
import type { ApiClient } from '../../api/api-client';

/** Query keys of the accounts: the list the users page and the roster editor both read. */
export const userKeys = {
  all: ['users'] as const,
  list: ['users', 'list'] as const,
};

/** Typed calls of the user administration routes (action `users.manage`). */
export function usersApi(api: ApiClient) {
  const path = (username: string) => `/users/${encodeURIComponent(username)}`;
  return {
    list: (signal?: AbortSignal) => api.call<UserAccount[]>('/users', { signal }),
    create: (body: CreateUserRequest) => api.call<UserAccount>('/users', { method: 'POST', body }),
    update: (username: string, body: UpdateUserRequest) => api.call<UserAccount>(path(username), { method: 'PATCH', body }),
    resetPassword: (username: string, password: string) =>
      api.call<RevokedSessions>(`${path(username)}/password`, { method: 'POST', body: { password } }),
    revokeSessions: (username: string) => api.call<RevokedSessions>(`${path(username)}/sessions/revoke`, { method: 'POST' }),
  };
}
export type UsersApi = ReturnType<typeof usersApi>;

export function usersListQuery(api: ApiClient) {
  return { queryKey: userKeys.list, queryFn: ({ signal }: { signal: AbortSignal }) => usersApi(api).list(signal) };
}
