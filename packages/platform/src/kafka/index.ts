export * from './backoff';
export * from './kafka.port';
