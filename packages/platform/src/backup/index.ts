export * from './backup.problems';
export * from './snapshot-policy';
export * from './snapshot-store';
