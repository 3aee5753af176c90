import 'reflect-metadata';
import { runHttpService } from '@liaowang/platform';
import { createApiApp } from './api-app';

runHttpService('api', createApiApp, (settings) => settings.API_PORT);
