export * from './intake-app';
export * from './simulator/mention-generator';
export * from './simulator/scenario-generator';
export * from './items/item-intake.service';
export * from './intake.module';
export * from './intake-openapi';
export * from './connectors/feed-fetch';
