export * from './elasticsearch';
export * from './kafka';
export * from './logging/logger';
export * from './settings';
export * from './auth';
export * from './http';
export * from './nest';
export * from './metrics';
