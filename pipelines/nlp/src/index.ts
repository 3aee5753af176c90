export * from './analyzed-text';
export * from './text';
export * from './sentiment';
export * from './rumor';
