import { Inject, Injectable } from '@nestjs/common';
import type {
  CreateUserRequest,
  RevokedSessions,
  SessionSummary,
  SessionUser,
  UpdateUserRequest,
  UserAccount,
  UserDocument,
} from '@liaowang/contract';
import {
  AUDIT_TRAIL,
  ProblemException,
  SESSION_VALIDATOR,
  type AuditRequestContext,
  type AuditTrail,
  type SessionValidator,
} from '@liaowang/platform';
import { hash } from '@node-rs/argon2';
import { UserRepository, UserVersionConflict, type VersionedUser } from '../auth/user.repository';

/**
 * User administration (R-SEC-5, action `users.manage`): every change is written with optimistic
 * concurrency, audited with before/after (never a hash) after it succeeded, and ends the user's
 * sessions where it should (password reset, disable, re-role).
 */
@Injectable()
export class UserAdminService {
  constructor(
    private readonly users: UserRepository,
    @Inject(SESSION_VALIDATOR) private readonly sessions: SessionValidator,
    @Inject(AUDIT_TRAIL) private readonly audit: AuditTrail,
  ) {}

  async list(): Promise<UserAccount[]> {
    return (await this.users.list()).map(toAccount);
  }

  async create(admin: SessionUser, request: CreateUserRequest, context: AuditRequestContext): Promise<UserAccount> {
    const user: UserDocument = {
      username: request.username,
      displayName: request.displayName,
      role: request.role,
      passwordHash: await hash(request.password),
      disabled: false,
      createdAt: new Date().toISOString(),
    };
    if (!(await this.users.createIfAbsent(user))) {
      throw conflict(`A user named ${request.username} exists already`);
    }
    const created = await this.mustFind(user.username);
    await this.record(admin, 'users.create', user.username, context, undefined, withoutHash(user));
    return toAccount(created);
  }

  async update(admin: SessionUser, username: string, request: UpdateUserRequest, context: AuditRequestContext): Promise<UserAccount> {
    const current = await this.mustFind(username);
    if (request.version !== undefined && request.version !== versionOf(current)) {
      throw conflict(`${username} was changed by someone else meanwhile; reload and try again`);
    }
    if (username === admin.username && (request.disabled === true || (request.role !== undefined && request.role !== current.user.role))) {
      throw new ProblemException({
        type: 'urn:liaowang:problem:self-lockout',
        title: 'Admins cannot lock themselves out',
        status: 422,
        detail: 'An admin cannot disable their own account or change their own role; ask another admin',
        errors: [{ field: request.disabled === true ? 'disabled' : 'role', message: 'not on your own account' }],
      });
    }
    const next: UserDocument = {
      ...current.user,
      ...(request.displayName !== undefined ? { displayName: request.displayName } : {}),
      ...(request.role !== undefined ? { role: request.role } : {}),
      ...(request.disabled !== undefined ? { disabled: request.disabled } : {}),
    };
    const saved = await this.save(current, next);
    await this.record(admin, 'users.update', username, context, withoutHash(current.user), withoutHash(next));
    // Disabled or re-roled: the sessions end on their next check; open sockets of this instance now.
    if (next.disabled !== current.user.disabled || next.role !== current.user.role) this.sessions.changed(username);
    return toAccount(saved);
  }

  async resetPassword(admin: SessionUser, username: string, password: string, context: AuditRequestContext): Promise<RevokedSessions> {
    const current = await this.mustFind(username);
    await this.save(current, { ...current.user, passwordHash: await hash(password) });
    // Whoever knew the old password is signed out everywhere.
    const revoked = await this.sessions.revokeAllOf(username, admin.username);
    await this.record(admin, 'users.password.reset', username, context, undefined, undefined, `${revoked} session(s) ended`);
    return { revoked };
  }

  async revokeSessions(admin: SessionUser, username: string, context: AuditRequestContext): Promise<RevokedSessions> {
    await this.mustFind(username);
    const revoked = await this.sessions.revokeAllOf(username, admin.username);
    await this.record(admin, 'users.sessions.revoke', username, context, undefined, undefined, `${revoked} session(s) ended`);
    return { revoked };
  }

  async listSessions(username: string): Promise<SessionSummary[]> {
    await this.mustFind(username);
    return (await this.sessions.listOpen(username)).map((s) => ({
      sessionId: s.sessionId,
      issuedAt: s.issuedAt,
      lastSeenAt: s.lastSeenAt,
      expiresAt: s.expiresAt,
      ...(s.clientAddress ? { clientAddress: s.clientAddress } : {}),
    }));
  }

  private async mustFind(username: string): Promise<VersionedUser> {
    const found = await this.users.findVersioned(username);
    if (!found) {
      throw ProblemException.notFound(`No user named ${username}`);
    }
    return found;
  }

  private async save(from: VersionedUser, next: UserDocument): Promise<VersionedUser> {
    try {
      return await this.users.replace(from, next);
    } catch (error) {
      if (error instanceof UserVersionConflict) throw conflict(`${next.username} was changed by someone else meanwhile; reload and try again`);
      throw error;
    }
  }

  private async record(
    admin: SessionUser,
    action: string,
    username: string,
    context: AuditRequestContext,
    before?: Record<string, unknown>,
    after?: Record<string, unknown>,
    detail?: string,
  ): Promise<void> {
    await this.audit.append({
      actor: { username: admin.username, role: admin.role },
      action,
      target: { type: 'user', id: username },
      ...(before ? { before } : {}),
      ...(after ? { after } : {}),
      ...(detail ? { detail } : {}),
      outcome: 'success',
      ...context,
    });
  }
}

function withoutHash(user: UserDocument): Record<string, unknown> {
  const { passwordHash: _hash, ...rest } = user;
  return rest;
}

function versionOf(versioned: VersionedUser): string {
  return `${versioned.seqNo}-${versioned.primaryTerm}`;
}

function toAccount(versioned: VersionedUser): UserAccount {
  const { username, displayName, role, disabled, createdAt } = versioned.user;
  return { username, displayName, role, disabled, createdAt, version: versionOf(versioned) };
}

function conflict(detail: string): ProblemException {
  return new ProblemException({ type: 'urn:liaowang:problem:conflict', title: 'Conflict', status: 409, detail });
}
