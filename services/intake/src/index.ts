export * from './intake-app';
export * from './simulator/mention-generator';
