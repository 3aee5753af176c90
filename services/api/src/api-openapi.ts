import { CLIENT_EVENT_ACTIONS, rolesFor, SERVER_EVENT_ACTIONS, type Action } from '@liaowang/contract';
import { SOCKET_EVENTS_EXTENSION, type OpenApiOptions } from '@liaowang/platform';

const withRoles = (events: Record<string, Action>) =>
  Object.fromEntries(Object.entries(events).map(([event, action]) => [event, { action, roles: rolesFor(action) }]));

/** What the API's OpenAPI document says beyond its routes: the Socket.IO events and who may use them. */
export const API_OPENAPI: OpenApiOptions = {
  service: 'api',
  description:
    'REST API of Liaowang: sign-in, items, the live Socket.IO namespace /live. Each operation lists the roles allowed in x-liaowang-roles.',
  extensions: {
    [SOCKET_EVENTS_EXTENSION]: { namespace: '/live', client: withRoles(CLIENT_EVENT_ACTIONS), server: withRoles(SERVER_EVENT_ACTIONS) },
  },
};
