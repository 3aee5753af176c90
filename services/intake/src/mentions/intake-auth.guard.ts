import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Role } from '@liaowang/contract';
import {
  bearerToken,
  ProblemException,
  SESSION_TOKENS,
  SETTINGS,
  type SessionTokens,
  type Settings,
} from '@liaowang/platform';
import { timingSafeEqual } from 'node:crypto';

const STAFF_ROLES: Role[] = ['duty_officer', 'admin'];

/** Intake takes pushes from connectors (X-Intake-Key) and from signed-in duty staff. */
@Injectable()
export class IntakeAuthGuard implements CanActivate {
  constructor(
    @Inject(SETTINGS) private readonly settings: Settings,
    @Inject(SESSION_TOKENS) private readonly tokens: SessionTokens,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const headers = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers;
    const key = headers['x-intake-key'];
    if (key !== undefined) {
      if (this.settings.INTAKE_API_KEYS.some((known) => sameSecret(known, key))) return true;
      throw ProblemException.unauthorized('Unknown intake key');
    }
    const user = await this.tokens.verify(bearerToken(headers.authorization));
    if (!user) throw ProblemException.unauthorized('Send X-Intake-Key or sign in');
    if (!STAFF_ROLES.includes(user.role)) throw ProblemException.forbidden();
    return true;
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
