import { SetMetadata } from '@nestjs/common';
import type { Role } from '@liaowang/contract';

export const ALLOWED_ROLES = 'liaowang:roles';
/** The roles that may call a route (R-SEC-1). A guarded route without it is refused to all. */
export const AllowRoles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);
