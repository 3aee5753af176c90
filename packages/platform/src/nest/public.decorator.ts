import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { PUBLIC_ROLE } from '@liaowang/contract';
import { ROLES_EXTENSION } from './openapi-names';

export const IS_PUBLIC = 'liaowang:public';
/** Marks a route that needs no session (sign-in, health). Everything else is guarded. */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(ROLES_EXTENSION, [PUBLIC_ROLE]));
