export * from './audit.index';
export * from './index-template';
export * from './items.index';
export * from './login-attempts.index';
export * from './sessions.index';
export * from './record-indices';
export * from './users.index';
