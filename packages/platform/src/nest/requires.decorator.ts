import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiSecurity } from '@nestjs/swagger';
import { rolesFor, type Action } from '@liaowang/contract';
import { INTAKE_KEY_SCHEME, ROLES_EXTENSION, ACTION_EXTENSION, SESSION_SCHEME } from './openapi-names';

export const REQUIRED_ACTION = 'liaowang:action';
export const ACCEPTS_INTAKE_KEY = 'liaowang:intake-key';

/**
 * The action of the permission table a route performs (R-SEC-1). The global guard lets a
 * session through only if its role may perform it; a route with neither this nor @Public() is
 * refused to everyone, and a test fails the build on it. The same declaration writes the
 * OpenAPI operation's roles, so the documents cannot say other than the guard does.
 */
export const Requires = (action: Action) =>
  applyDecorators(
    SetMetadata(REQUIRED_ACTION, action),
    ApiExtension(ACTION_EXTENSION, action),
    ApiExtension(ROLES_EXTENSION, rolesFor(action)),
    ApiBearerAuth(SESSION_SCHEME),
  );

/** The route also takes a connector's `X-Intake-Key` in place of a session (R-ING-2). */
export const AcceptsIntakeKey = () => applyDecorators(SetMetadata(ACCEPTS_INTAKE_KEY, true), ApiSecurity(INTAKE_KEY_SCHEME));
