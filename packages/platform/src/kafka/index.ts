export * from './backoff';
export * from './kafka.port';
export * from './parse-message';
