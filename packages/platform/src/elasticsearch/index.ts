export * from './elasticsearch.port';
