export * from './load-settings';
export * from './settings.schema';
export * from './local-env';
