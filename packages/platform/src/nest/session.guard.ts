import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { may, type Action, type SessionUser } from '@liaowang/contract';
import { timingSafeEqual } from 'node:crypto';
import { bearerToken, SessionTokens } from '../auth/session-token';
import { ProblemException } from '../http/problem';
import type { Settings } from '../settings/settings.schema';
import { IS_PUBLIC } from './public.decorator';
import { ACCEPTS_INTAKE_KEY, REQUIRED_ACTION } from './requires.decorator';
import { SESSION_TOKENS, SETTINGS } from './tokens';

export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  user?: SessionUser;
  /** Set instead of `user` when a connector called with its intake key. */
  connector?: true;
}

/**
 * Global guard: every route needs a valid session whose role may perform the route's action
 * (the permission table in the contract), unless it is marked @Public(). Deny by default: a
 * route without an action is refused to everyone (R-SEC-1).
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(SESSION_TOKENS) private readonly tokens: SessionTokens,
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
    request.user ??= (await this.tokens.verify(bearerToken(firstHeader(request.headers.authorization)))) ?? undefined;
    if (!request.user) throw ProblemException.unauthorized();
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
