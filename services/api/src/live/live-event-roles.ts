import { ROLES, type ClientToServerEvents, type Role } from '@liaowang/contract';

/** Which roles may send each client event (R-SEC-1: socket events are checked like routes). */
export const LIVE_EVENT_ROLES: Record<keyof ClientToServerEvents, readonly Role[]> = {
  'items:recent': ROLES,
};
