export * from './elasticsearch.port';
export * from './migrate-indices';
export * from './index-retention';
export * from './retention-policy';
export * from './stored-item-ids';
export * from './found-docs';
