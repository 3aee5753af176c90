export * from './pii-span';
export * from './pii.detector';
export * from './pii-mask';
export * from './luhn';
export * from './resident-id';
