import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { LoginRequest, LoginResponse, SessionUser } from '@liaowang/contract';
import {
  AUDIT_TRAIL,
  LOGGER,
  ProblemException,
  SESSION_VALIDATOR,
  SETTINGS,
  type AuditRequestContext,
  type AuditTrail,
  type Logger,
  type SessionValidator,
  type Settings,
} from '@liaowang/platform';
import { hash, verify } from '@node-rs/argon2';
import { randomUUID } from 'node:crypto';
import { LoginThrottle } from './login-throttle';
import { SEED_USERS } from './seed-users';
import { UserRepository } from './user.repository';

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  // Checked when the user does not exist, so a missing account costs the same time as a wrong password.
  private readonly dummyHash = hash(randomUUID());

  constructor(
    private readonly users: UserRepository,
    private readonly throttle: LoginThrottle,
    @Inject(SESSION_VALIDATOR) private readonly sessions: SessionValidator,
    @Inject(AUDIT_TRAIL) private readonly audit: AuditTrail,
    @Inject(SETTINGS) private readonly settings: Settings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const password = this.settings.SEED_PASSWORD;
    if (!password) return;
    for (const seed of SEED_USERS) {
      const created = await this.users.createIfAbsent({
        ...seed,
        passwordHash: await hash(password),
        disabled: false,
        createdAt: new Date().toISOString(),
      });
      if (created) this.logger.info({ username: seed.username, role: seed.role }, 'seed user created');
    }
  }

  async login(request: LoginRequest, context: AuditRequestContext): Promise<LoginResponse> {
    // The slot is taken before the password is checked (R-SEC-5); a full window answers 429.
    const reservation = await this.throttle.reserve(request.username, context.clientAddress ?? 'unknown');
    const user = await this.users.find(request.username);
    const valid = await verify(user?.passwordHash ?? (await this.dummyHash), request.password).catch(() => false);
    if (!user || !valid || user.disabled) {
      await this.audit.append({
        actor: { username: request.username, role: 'unknown' },
        action: 'auth.login.failed',
        target: { type: 'user', id: request.username },
        outcome: 'failure',
        detail: !user ? 'unknown user' : user.disabled && valid ? 'user disabled' : 'wrong password',
        ...context,
      });
      throw ProblemException.unauthorized('Wrong username or password');
    }
    await this.throttle.succeed(reservation);
    const sessionUser: SessionUser = { username: user.username, displayName: user.displayName, role: user.role };
    const { token, expiresAt, sessionId } = await this.sessions.open(sessionUser, context.clientAddress);
    await this.audit.append({
      actor: { username: user.username, role: user.role },
      action: 'auth.login',
      target: { type: 'session', id: sessionId },
      outcome: 'success',
      ...context,
    });
    return { token, expiresAt, user: sessionUser };
  }

  /** Ends the caller's own session on every instance at once. */
  async logout(user: SessionUser, sessionId: string, context: AuditRequestContext): Promise<void> {
    await this.sessions.revoke(sessionId, user.username);
    await this.audit.append({
      actor: { username: user.username, role: user.role },
      action: 'auth.logout',
      target: { type: 'session', id: sessionId },
      outcome: 'success',
      ...context,
    });
  }
}
