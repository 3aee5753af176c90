import { ROLES, type Role, type SessionUser } from '@liaowang/contract';
import { jwtVerify, SignJWT } from 'jose';

const ISSUER = 'liaowang';

/** What a well-signed token says; whether its session is still open is SessionValidator's job. */
export interface SessionClaims {
  user: SessionUser;
  sessionId: string;
  expiresAt: Date;
}

/**
 * Signs and reads session tokens. A good signature alone is not a valid session: every check
 * goes through SessionValidator, which also asks the sessions index (R-SEC-3).
 */
export class SessionTokens {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    readonly ttlMinutes: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(user: SessionUser, sessionId: string, now = new Date()): Promise<{ token: string; expiresAt: string }> {
    const exp = Math.floor(now.getTime() / 1000) + this.ttlMinutes * 60;
    const token = await new SignJWT({ role: user.role, name: user.displayName, sid: sessionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.username)
      .setIssuer(ISSUER)
      .setJti(sessionId)
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAt: new Date(exp * 1000).toISOString() };
  }

  /** The claims of a well-signed, unexpired token that names its session, or null. */
  async read(token: string | undefined): Promise<SessionClaims | null> {
    if (!token) return null;
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      const role = payload.role as Role;
      const sessionId = payload.sid;
      if (!payload.sub || !ROLES.includes(role) || typeof sessionId !== 'string' || !payload.exp) return null;
      return {
        user: { username: payload.sub, displayName: String(payload.name ?? payload.sub), role },
        sessionId,
        expiresAt: new Date(payload.exp * 1000),
      };
    } catch {
      return null;
    }
  }
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
