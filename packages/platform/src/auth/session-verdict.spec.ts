import type { SessionDocument, UserDocument } from '@liaowang/contract';
import { sessionVerdict, touchIntervalMs } from './session-verdict';

const t0 = Date.parse('2025-03-01T08:00:00Z');
const minute = 60_000;
const claims = {
  user: { username: 'duty', displayName: '值班员', role: 'duty_officer' as const },
  sessionId: 's1',
  expiresAt: new Date(t0 + 60 * minute),
};
const session: SessionDocument = {
  sessionId: 's1',
  username: 'duty',
  role: 'duty_officer',
  issuedAt: new Date(t0).toISOString(),
  lastSeenAt: new Date(t0).toISOString(),
  expiresAt: new Date(t0 + 60 * minute).toISOString(),
};
const user: UserDocument = {
  username: 'duty',
  displayName: '值班员',
  role: 'duty_officer',
  passwordHash: 'x',
  disabled: false,
  createdAt: new Date(t0).toISOString(),
};
const idle = 30 * minute;

describe(sessionVerdict.name, () => {
  it('accepts an open, recently seen session of an enabled user with the same role', () => {
    expect(sessionVerdict(claims, session, user, t0 + 29 * minute, idle)).toBeNull();
  });

  it.each([
    ['no session document (signed out elsewhere, or a restore without sessions)', undefined, user, t0, 'unknown-session'],
    ['a session of another user', { ...session, username: 'leader' }, user, t0, 'unknown-session'],
    ['a revoked session', { ...session, revokedAt: new Date(t0).toISOString() }, user, t0, 'revoked'],
    ['a session past its absolute end, however active', { ...session, lastSeenAt: new Date(t0 + 59 * minute).toISOString() }, user, t0 + 60 * minute, 'expired'],
    ['a session idle longer than the timeout', session, user, t0 + 31 * minute, 'idle'],
    ['a deleted user', session, undefined, t0, 'unknown-user'],
    ['a disabled user', session, { ...user, disabled: true }, t0, 'user-disabled'],
    ['a user re-roled since sign-in', session, { ...user, role: 'screen' as const }, t0, 'role-changed'],
  ])('refuses %s', (_what, s, u, now, reason) => {
    expect(sessionVerdict(claims, s as SessionDocument | undefined, u as UserDocument | undefined, now as number, idle)).toBe(reason);
  });
});

describe(touchIntervalMs.name, () => {
  it('writes at most once a minute, and often enough for short idle timeouts', () => {
    expect(touchIntervalMs(30 * minute)).toBe(minute);
    expect(touchIntervalMs(8_000)).toBe(2_000);
  });
});
