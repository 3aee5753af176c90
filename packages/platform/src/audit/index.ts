export * from './audit-chain';
export * from './audit-request-context';
export * from './audit-trail';
export * from './verify-audit-chain';
