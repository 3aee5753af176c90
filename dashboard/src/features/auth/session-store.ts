import type { LoginResponse } from '@liaowang/contract';

// R-SEC-3: sessionStorage, not localStorage: closing the tab or browser on a shared duty
// machine ends the session, so the next person never lands in someone else's account.
const STORAGE_KEY = 'liaowang.session';

export type Session = LoginResponse;

export function isExpired(session: Session, now = Date.now()): boolean {
  const end = Date.parse(session.expiresAt);
  return Number.isNaN(end) || end <= now;
}

function isSession(value: unknown): value is Session {
  const s = value as Partial<Session> | null;
  return (
    typeof s?.token === 'string' &&
    typeof s.expiresAt === 'string' &&
    typeof s.user?.username === 'string' &&
    typeof s.user.displayName === 'string' &&
    typeof s.user.role === 'string'
  );
}

/** The stored session if it is well-formed and not yet expired; anything else is dropped. */
export function loadSession(): Session | null {
  const raw = sessionStorage.getItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (isSession(parsed) && !isExpired(parsed)) return parsed;
  } catch {
    // Corrupt entry: fall through and clear it.
  }
  sessionStorage.removeItem(STORAGE_KEY);
  return null;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
