export * from './enricher/enrich-batch';
export * from './enricher/enricher.stage';
export * from './indexer/bulk-index';
export * from './indexer/indexer.stage';
export * from './stream-runtime';
