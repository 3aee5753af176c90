import { z } from 'zod';
import { ROLES, type Role } from './roles';

// R-SEC-5: what an admin may send when managing users; validated where it enters.
export const PASSWORD_MIN_LENGTH = 12;
const password = z.string().min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`).max(200);

export const createUserRequestSchema = z
  .object({
    username: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, 'lower-case letters, digits, ".", "_" or "-", 2 to 63 characters'),
    displayName: z.string().trim().min(1).max(100),
    role: z.enum(ROLES),
    password,
  })
  .strict();
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z
  .object({
    displayName: z.string().trim().min(1).max(100).optional(),
    role: z.enum(ROLES).optional(),
    disabled: z.boolean().optional(),
    /** The `version` the admin last saw: a change made meanwhile by someone else answers 409. */
    version: z.string().regex(/^\d+-\d+$/).optional(),
  })
  .strict()
  .refine((body) => body.displayName !== undefined || body.role !== undefined || body.disabled !== undefined, {
    message: 'change at least one of displayName, role, disabled',
  });
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

export const resetPasswordRequestSchema = z.object({ password }).strict();
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequestSchema>;

/** A user as the admin API shows it: never the password hash. */
export interface UserAccount {
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  /** Optimistic-concurrency token (sequence number and primary term) to send back with a change. */
  version: string;
}

/** An active session as the admin API lists it. */
export interface SessionSummary {
  sessionId: string;
  issuedAt: string;
  lastSeenAt: string;
  expiresAt: string;
  clientAddress?: string;
}

export interface RevokedSessions {
  revoked: number;
}
