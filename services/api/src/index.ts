export * from './api-app';
export * from './auth/seed-users';
export * from './api.module';
export * from './api-openapi';
export * from './alerts/alert.repository';
