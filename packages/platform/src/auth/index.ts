export * from './session-token';
export * from './session-validator';
export * from './session-verdict';
