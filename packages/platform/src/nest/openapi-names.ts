/** Names the OpenAPI documents use; the matrix walk reads the documents by them. */
export const ROLES_EXTENSION = 'x-liaowang-roles';
export const ACTION_EXTENSION = 'x-liaowang-action';
export const SOCKET_EVENTS_EXTENSION = 'x-liaowang-socket-events';
export const SESSION_SCHEME = 'session';
export const INTAKE_KEY_SCHEME = 'intake-key';
