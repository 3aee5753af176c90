// R-SEC-1: the five roles. String values so they read well in tokens, logs and the audit trail.
export const ROLES = ['duty_officer', 'responder', 'leader', 'admin', 'screen'] as const;
export type Role = (typeof ROLES)[number];
