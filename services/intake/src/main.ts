import 'reflect-metadata';
import { createLogger, loadSettings } from '@liaowang/platform';
import { createIntakeApp } from './intake-app';

async function main() {
  const settings = loadSettings();
  const app = await createIntakeApp(settings);
  await app.listen(settings.INTAKE_PORT, settings.BIND_HOST);
  createLogger('intake').info({ port: settings.INTAKE_PORT }, 'intake listening');
}

main().catch((error: unknown) => {
  createLogger('intake').fatal({ err: error }, 'intake failed to start');
  process.exit(1);
});
