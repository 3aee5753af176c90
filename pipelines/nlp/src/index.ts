export * from './analyzed-text';
