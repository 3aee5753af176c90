export * from './api';
export * from './enriched-item';
export * from './enrichment';
export * from './indices';
export * from './item';
export * from './roles';
export * from './socket-events';
export * from './topics';
