import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role, SessionUser } from '@liaowang/contract';
import { bearerToken, SessionTokens } from '../auth/session-token';
import { ProblemException } from '../http/problem';
import { IS_PUBLIC } from './public.decorator';
import { ALLOWED_ROLES } from './roles.decorator';
import { SESSION_TOKENS } from './tokens';

export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  user?: SessionUser;
}

/**
 * Global guard: every route needs a valid session and one of the roles it declares, unless
 * it is marked @Public(). Deny by default: a route that forgot @AllowRoles is refused (R-SEC-1).
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(SESSION_TOKENS) private readonly tokens: SessionTokens,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (request.user) return this.allowed(request.user.role, targets);
    const header = request.headers.authorization;
    const user = await this.tokens.verify(bearerToken(Array.isArray(header) ? header[0] : header));
    if (!user) throw ProblemException.unauthorized();
    request.user = user;
    return this.allowed(user.role, targets);
  }

  private allowed(role: Role, targets: Parameters<Reflector['getAllAndOverride']>[1]): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets) ?? [];
    if (!roles.includes(role)) throw ProblemException.forbidden();
    return true;
  }
}
