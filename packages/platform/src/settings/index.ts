export * from './load-settings';
export * from './settings.schema';
