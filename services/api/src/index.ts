export * from './api-app';
export * from './auth/seed-users';
