import { Body, Controller, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import {
  createUserRequestSchema,
  resetPasswordRequestSchema,
  updateUserRequestSchema,
  type RevokedSessions,
  type SessionSummary,
  type SessionUser,
  type UserAccount,
} from '@liaowang/contract';
import {
  auditRequestContext,
  DescribeBody,
  parseWith,
  ProblemResponse,
  Requires,
  type CorrelatedRequest,
} from '@liaowang/platform';
import { z } from 'zod';
import { UserAdminService } from './user-admin.service';

type AdminRequest = CorrelatedRequest & { user: SessionUser };
const usernameParam = z.string().min(1).max(100);

/** User administration for admins (R-SEC-5): list, create, change, reset passwords, sign out everywhere. */
@Requires('users.manage')
@Controller('api/v1/users')
export class UserController {
  constructor(private readonly admin: UserAdminService) {}

  @Get()
  list(): Promise<UserAccount[]> {
    return this.admin.list();
  }

  @Post()
  @HttpCode(201)
  @DescribeBody(createUserRequestSchema)
  @ProblemResponse(409, 'A user with that name exists already')
  create(@Body() body: unknown, @Req() request: AdminRequest): Promise<UserAccount> {
    return this.admin.create(request.user, parseWith(createUserRequestSchema, body), auditRequestContext(request));
  }

  @Patch(':username')
  @DescribeBody(updateUserRequestSchema)
  @ProblemResponse(404, 'No such user')
  @ProblemResponse(409, 'The user was changed by someone else since `version` was read')
  @ProblemResponse(422, 'An admin cannot disable or re-role themself')
  update(@Param('username') username: string, @Body() body: unknown, @Req() request: AdminRequest): Promise<UserAccount> {
    return this.admin.update(
      request.user,
      parseWith(usernameParam, username, 'username'),
      parseWith(updateUserRequestSchema, body),
      auditRequestContext(request),
    );
  }

  /** Sets a new password and ends every session of the user. */
  @Post(':username/password')
  @HttpCode(200)
  @DescribeBody(resetPasswordRequestSchema)
  @ProblemResponse(404, 'No such user')
  resetPassword(@Param('username') username: string, @Body() body: unknown, @Req() request: AdminRequest): Promise<RevokedSessions> {
    const { password } = parseWith(resetPasswordRequestSchema, body);
    return this.admin.resetPassword(request.user, parseWith(usernameParam, username, 'username'), password, auditRequestContext(request));
  }

  /** Signs the user out everywhere. */
  @Post(':username/sessions/revoke')
  @HttpCode(200)
  @ProblemResponse(404, 'No such user')
  revokeSessions(@Param('username') username: string, @Req() request: AdminRequest): Promise<RevokedSessions> {
    return this.admin.revokeSessions(request.user, parseWith(usernameParam, username, 'username'), auditRequestContext(request));
  }

  @Get(':username/sessions')
  @ProblemResponse(404, 'No such user')
  sessions(@Param('username') username: string): Promise<SessionSummary[]> {
    return this.admin.listSessions(parseWith(usernameParam, username, 'username'));
  }
}
