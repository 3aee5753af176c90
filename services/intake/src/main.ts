import 'reflect-metadata';
import { runHttpService } from '@liaowang/platform';
import { createIntakeApp } from './intake-app';

runHttpService('intake', createIntakeApp, (settings) => settings.INTAKE_PORT);
