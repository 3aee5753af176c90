import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { LoginRequest, LoginResponse } from '@liaowang/contract';
import {
  LOGGER,
  ProblemException,
  SESSION_TOKENS,
  SETTINGS,
  type Logger,
  type SessionTokens,
  type Settings,
} from '@liaowang/platform';
import { hash, verify } from '@node-rs/argon2';
import { randomUUID } from 'node:crypto';
import { LoginThrottle } from './login-throttle';
import { SEED_USERS } from './seed-users';
import { UserRepository } from './user.repository';


@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly throttle = new LoginThrottle();
  // Checked when the user does not exist, so a missing account costs the same time as a wrong password.
  private readonly dummyHash = hash(randomUUID());

  constructor(
    private readonly users: UserRepository,
    @Inject(SESSION_TOKENS) private readonly tokens: SessionTokens,
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

  async login(request: LoginRequest, address: string): Promise<LoginResponse> {
    const key = `${request.username}@${address}`;
    const wait = this.throttle.retryAfter(key);
    if (wait > 0) {
      throw new ProblemException(
        { type: 'urn:liaowang:problem:rate-limited', title: 'Too many attempts', status: 429, detail: `Try again in ${wait} s` },
        { 'Retry-After': String(wait) },
      );
    }
    const user = await this.users.find(request.username);
    const valid = await verify(user?.passwordHash ?? (await this.dummyHash), request.password).catch(() => false);
    if (!user || !valid || user.disabled) {
      this.throttle.fail(key);
      throw ProblemException.unauthorized('Wrong username or password');
    }
    this.throttle.succeed(key);
    const session = { username: user.username, displayName: user.displayName, role: user.role };
    return { ...(await this.tokens.issue(session)), user: session };
  }
}
