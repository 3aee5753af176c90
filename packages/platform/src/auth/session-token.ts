import { ROLES, type Role, type SessionUser } from '@liaowang/contract';
import { jwtVerify, SignJWT } from 'jose';

const ISSUER = 'liaowang';

/** Signs and checks session tokens; both HTTP services and the Socket.IO handshake use this. */
export class SessionTokens {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttlMinutes: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(user: SessionUser, now = new Date()): Promise<{ token: string; expiresAt: string }> {
    const exp = Math.floor(now.getTime() / 1000) + this.ttlMinutes * 60;
    const token = await new SignJWT({ role: user.role, name: user.displayName })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.username)
      .setIssuer(ISSUER)
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAt: new Date(exp * 1000).toISOString() };
  }

  /** The user of a valid, unexpired token, or null. */
  async verify(token: string | undefined): Promise<SessionUser | null> {
    if (!token) return null;
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      const role = payload.role as Role;
      if (!payload.sub || !ROLES.includes(role)) return null;
      return { username: payload.sub, displayName: String(payload.name ?? payload.sub), role };
    } catch {
      return null;
    }
  }
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
