import type { CreateUserRequest, RevokedSessions, UpdateUserRequest, UserAccount } from '@liaowang/contract';
import type { ApiClient } from '../../api/api-client';

/** Typed calls of the user administration routes (action `users.manage`). */
export function usersApi(api: ApiClient) {
  const path = (username: string) => `/users/${encodeURIComponent(username)}`;
  return {
    list: () => api.call<UserAccount[]>('/users'),
    create: (body: CreateUserRequest) => api.call<UserAccount>('/users', { method: 'POST', body }),
    update: (username: string, body: UpdateUserRequest) => api.call<UserAccount>(path(username), { method: 'PATCH', body }),
    resetPassword: (username: string, password: string) =>
      api.call<RevokedSessions>(`${path(username)}/password`, { method: 'POST', body: { password } }),
    revokeSessions: (username: string) => api.call<RevokedSessions>(`${path(username)}/sessions/revoke`, { method: 'POST' }),
  };
}
export type UsersApi = ReturnType<typeof usersApi>;
