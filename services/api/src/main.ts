import 'reflect-metadata';
import { createLogger, loadSettings } from '@liaowang/platform';
import { createApiApp } from './api-app';

async function main() {
  const settings = loadSettings();
  const app = await createApiApp(settings);
  await app.listen(settings.API_PORT, settings.BIND_HOST);
  createLogger('api').info({ port: settings.API_PORT }, 'api listening');
}

main().catch((error: unknown) => {
  createLogger('api').fatal({ err: error }, 'api failed to start');
  process.exit(1);
});
