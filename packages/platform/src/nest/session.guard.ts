import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { may, type Action, type SessionUser } from '@liaowang/contract';
import { timingSafeEqual } from 'node:crypto';
import { bearerToken } from '../auth/session-token';
import type { SessionValidator } from '../auth/session-validator';
import { ProblemException } from '../http/problem';
import type { Settings } from '../settings/settings.schema';
import { IS_PUBLIC } from './public.decorator';
import { ACCEPTS_INTAKE_KEY, REQUIRED_ACTION } from './requires.decorator';
import { SESSION_VALIDATOR, SETTINGS } from './tokens';

export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  user?: SessionUser;
  /** The id of the caller's session (what sign-out revokes). */
  sessionId?: string;
  /** Set instead of `user` when a connector called with its intake key. */
  connector?: true;
}

/**
 * Global guard: every route needs a live session (SessionValidator: signature, sessions index,
 * user) whose role may perform the route's action
 * (the permission table in the contract), unless it is marked @Public(). Deny by default: a
 * route without an action is refused to everyone (R-SEC-1).
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(SESSION_VALIDATOR) private readonly sessions: SessionValidator,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const action = this.reflector.getAllAndOverride<Action | undefined>(REQUIRED_ACTION, targets);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = firstHeader(request.headers['x-intake-key']);
    if (key !== undefined && this.reflector.getAllAndOverride<boolean>(ACCEPTS_INTAKE_KEY, targets)) {
      if (!this.settings.INTAKE_API_KEYS.some((known) => sameSecret(known, key))) {
        throw ProblemException.unauthorized('Unknown intake key');
      }
      request.connector = true;
      return true;
    }
    if (!request.user) {
      const check = await this.sessions.validate(bearerToken(firstHeader(request.headers.authorization)));
      if (!check.ok) throw ProblemException.unauthorized(check.reason === 'invalid-token' ? undefined : `Session ended (${check.reason}); sign in again`);
      request.user = check.user;
      request.sessionId = check.sessionId;
    }
    if (!action || !may(request.user.role, action)) throw ProblemException.forbidden();
    return true;
  }
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
