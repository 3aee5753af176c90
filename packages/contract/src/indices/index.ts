export * from './index-template';
export * from './items.index';
export * from './users.index';
