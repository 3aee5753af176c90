import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { loginRequestSchema, type LoginResponse, type SessionUser } from '@liaowang/contract';
import {
  auditRequestContext,
  DescribeBody,
  parseWith,
  ProblemResponse,
  Public,
  Requires,
  type CorrelatedRequest,
} from '@liaowang/platform';
import { AuthService } from './auth.service';

type SignedInRequest = CorrelatedRequest & { user: SessionUser; sessionId: string };

@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @DescribeBody(loginRequestSchema)
  @ProblemResponse(401, 'Wrong user name or password')
  @ProblemResponse(429, 'Too many failures for this account and address: try again after Retry-After seconds')
  login(@Body() body: unknown, @Req() request: CorrelatedRequest): Promise<LoginResponse> {
    return this.auth.login(parseWith(loginRequestSchema, body), auditRequestContext(request));
  }

  /** Who the token belongs to; the dashboard uses it to check a stored session. */
  @Requires('auth.me')
  @Get('me')
  me(@Req() request: { user: SessionUser }): SessionUser {
    return request.user;
  }

  /** Signs out: the session is revoked server-side, so the token is refused everywhere from now on. */
  @Requires('auth.logout')
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: SignedInRequest): Promise<void> {
    await this.auth.logout(request.user, request.sessionId, auditRequestContext(request));
  }
}
