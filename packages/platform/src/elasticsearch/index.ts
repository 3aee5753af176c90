export * from './elasticsearch.port';
export * from './migrate-indices';
