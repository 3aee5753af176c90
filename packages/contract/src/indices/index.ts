export * from './index-template';
export * from './items.index';
