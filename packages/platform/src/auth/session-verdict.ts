import type { SessionDocument, SessionEndReason, UserDocument } from '@liaowang/contract';
import type { SessionClaims } from './session-token';

/**
 * Why a well-signed token's session is no longer valid, or null while it is (R-SEC-3): its
 * document must exist and be neither revoked, past its absolute end nor idle, and its user must
 * still exist, be enabled and hold the role the token names (a re-role ends the session).
 */
export function sessionVerdict(
  claims: SessionClaims,
  session: SessionDocument | undefined,
  user: UserDocument | undefined,
  now: number,
  idleMs: number,
): SessionEndReason | null {
  if (!session || session.username !== claims.user.username) return 'unknown-session';
  if (session.revokedAt) return 'revoked';
  if (now >= Date.parse(session.expiresAt) || now >= claims.expiresAt.getTime()) return 'expired';
  if (now - Date.parse(session.lastSeenAt) > idleMs) return 'idle';
  if (!user) return 'unknown-user';
  if (user.disabled) return 'user-disabled';
  if (user.role !== claims.user.role || session.role !== claims.user.role) return 'role-changed';
  return null;
}

/**
 * How often lastSeenAt is written: at most once a minute, and often enough that a session in use
 * never looks idle (a quarter of the idle timeout when that is shorter).
 */
export function touchIntervalMs(idleMs: number): number {
  return Math.min(60_000, Math.floor(idleMs / 4));
}
