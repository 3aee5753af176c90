// Injection tokens shared by the NestJS services, so tests can hand in their own instances.
export const SETTINGS = Symbol('SETTINGS');
export const LOGGER = Symbol('LOGGER');
export const KAFKA = Symbol('KAFKA');
export const ELASTICSEARCH = Symbol('ELASTICSEARCH');
export const SESSION_TOKENS = Symbol('SESSION_TOKENS');
export const SESSION_VALIDATOR = Symbol('SESSION_VALIDATOR');
export const METRICS = Symbol('METRICS');
export const AUDIT_TRAIL = Symbol('AUDIT_TRAIL');
