export * from './analyzed-text';
export * from './text';
export * from './sentiment';
export * from './rumor';
export * from './pii';
export * from './categories';
export * from './fingerprint';
export * from './enricher';
