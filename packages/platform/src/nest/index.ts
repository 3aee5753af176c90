export * from './health.controller';
export * from './public.decorator';
export * from './roles.decorator';
export * from './session.guard';
export * from './tokens';
export * from './create-http-app';
export * from './platform.module';
export * from './metrics.controller';
