import type { SessionEndReason } from '@liaowang/contract';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createApiClient, type ApiClient } from '../api/api-client';
import { clearSession, isExpired, loadSession, saveSession, type Session } from '../features/auth/session-store';

/** Why the user is looking at the sign-in page, shown there as a notice. */
export type SignOutReason = 'expired' | 'signedOut' | 'revoked' | 'idle' | 'disabled' | 'roleChanged';

// What the sign-in page tells the user when the server ended the session (socket `session:ended`).
const ENDED_NOTICE: Record<SessionEndReason, SignOutReason> = {
  'invalid-token': 'expired',
  expired: 'expired',
  'unknown-session': 'revoked',
  revoked: 'revoked',
  idle: 'idle',
  'unknown-user': 'disabled',
  'user-disabled': 'disabled',
  'role-changed': 'roleChanged',
};

interface AuthState {
  session: Session | null;
  notice: SignOutReason | null;
  signIn(session: Session): void;
  signOut(reason: SignOutReason): void;
}

const AuthContext = createContext<AuthState | null>(null);

// setTimeout overflows past ~24.8 days; re-arming daily is plenty for a session deadline.
const MAX_TIMER_MS = 24 * 3600 * 1000;

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(loadSession);
  const [notice, setNotice] = useState<SignOutReason | null>(null);

  const signIn = useCallback((next: Session) => {
    saveSession(next);
    setNotice(null);
    setSession(next);
  }, []);

  const signOut = useCallback((reason: SignOutReason) => {
    clearSession();
    setNotice(reason);
    setSession(null);
  }, []);

  // R-SEC-3: drop the token at expiresAt even if the user does nothing.
  useEffect(() => {
    if (!session) return;
    let timer = 0;
    const arm = () => {
      if (isExpired(session)) return signOut('expired');
      const remaining = Date.parse(session.expiresAt) - Date.now();
      timer = window.setTimeout(arm, Math.min(remaining, MAX_TIMER_MS));
    };
    arm();
    return () => window.clearTimeout(timer);
  }, [session, signOut]);

  const value = useMemo(() => ({ session, notice, signIn, signOut }), [session, notice, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}

export interface SignedIn {
  session: Session;
  api: ApiClient;
  /** Ends the session because the server refused the token (401 or socket `unauthorized`). */
  expire(): void;
  /** The server said the session ended (socket `session:ended`): back to sign-in with the reason. */
  end(reason: SessionEndReason): void;
  /** Revokes the session on the server (R-SEC-3), then returns to sign-in. */
  signOut(): void;
}

/** For components that only render while signed in: the session plus a client bound to it. */
export function useSignedIn(): SignedIn {
  const { session, signOut } = useAuth();
  const token = session?.token ?? '';
  const expire = useCallback(() => signOut('expired'), [signOut]);
  const api = useMemo(() => createApiClient(token, expire), [token, expire]);
  const value = useMemo(
    () =>
      session
        ? {
            session,
            api,
            expire,
            end: (reason: SessionEndReason) => signOut(ENDED_NOTICE[reason]),
            // Signed out locally even if the server cannot be reached: the token is dropped either way.
            signOut: () => void api.call('/auth/logout', { method: 'POST' }).catch(() => undefined).finally(() => signOut('signedOut')),
          }
        : null,
    [session, api, expire, signOut],
  );
  if (!value) throw new Error('useSignedIn without a session');
  return value;
}
