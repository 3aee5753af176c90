import { applyDecorators, SetMetadata } from '@nestjs/common';
import type { Action } from '@liaowang/contract';

export const REQUIRED_ACTION = 'liaowang:action';
export const ACCEPTS_INTAKE_KEY = 'liaowang:intake-key';

/**
 * The action of the permission table a route performs (R-SEC-1). The global guard lets a
 * session through only if its role may perform it; a route with neither this nor @Public() is
 * refused to everyone, and a test fails the build on it.
 */
export const Requires = (action: Action) => SetMetadata(REQUIRED_ACTION, action);

/** The route also takes a connector's `X-Intake-Key` in place of a session (R-ING-2). */
export const AcceptsIntakeKey = () => applyDecorators(SetMetadata(ACCEPTS_INTAKE_KEY, true));
