import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'liaowang:public';
/** Marks a route that needs no session (sign-in, health). Everything else is guarded. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
