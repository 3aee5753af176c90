export * from './api-app';
export * from './auth/seed-users';
export * from './api.module';
