export * from './backoff';
export * from './consumed-message';
export * from './consumer-health';
export * from './consumer-lag';
export * from './kafka.port';
export * from './parse-message';
export * from './kafka-errors';
