export * from './enricher/enrich-batch';
export * from './enricher/enricher.stage';
export * from './indexer/bulk-index';
export * from './indexer/indexer.stage';
export * from './parse-message';
export * from './stream-runtime';
