export * from './intake-app';
export * from './simulator/mention-generator';
export * from './mentions/raw-item';
export * from './intake.module';
export * from './intake-openapi';
