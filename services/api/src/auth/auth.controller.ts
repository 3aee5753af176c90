import { Body, Controller, Get, HttpCode, Ip, Post, Req } from '@nestjs/common';
import { loginRequestSchema, type LoginResponse, type SessionUser } from '@liaowang/contract';
import { parseWith, Public, Requires } from '@liaowang/platform';
import { AuthService } from './auth.service';

@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() body: unknown, @Ip() address: string): Promise<LoginResponse> {
    return this.auth.login(parseWith(loginRequestSchema, body), address);
  }

  /** Who the token belongs to; the dashboard uses it to check a stored session. */
  @Requires('auth.me')
  @Get('me')
  me(@Req() request: { user: SessionUser }): SessionUser {
    return request.user;
  }
}
