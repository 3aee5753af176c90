import { SessionTokens, bearerToken } from './session-token';

const user = { username: 'duty', displayName: '值班员', role: 'duty_officer' as const };

describe(SessionTokens.name, () => {
  const tokens = new SessionTokens('s'.repeat(32), 60);

  it('round-trips a user and its session id', async () => {
    const { token, expiresAt } = await tokens.issue(user, 'sid-1');
    expect(await tokens.read(token)).toEqual({ user, sessionId: 'sid-1', expiresAt: new Date(expiresAt) });
  });

  it('refuses an expired token', async () => {
    const { token } = await tokens.issue(user, 'sid-1', new Date(Date.now() - 2 * 3600 * 1000));
    expect(await tokens.read(token)).toBeNull();
  });

  it('refuses a token signed with another secret', async () => {
    const { token } = await new SessionTokens('t'.repeat(32), 60).issue(user, 'sid-1');
    expect(await tokens.read(token)).toBeNull();
  });

  it('reads only well-formed bearer headers', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
