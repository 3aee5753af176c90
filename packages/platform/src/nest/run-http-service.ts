import type { INestApplication } from '@nestjs/common';
import { createLogger } from '../logging/logger';
import { loadSettings } from '../settings/load-settings';
import type { Settings } from '../settings/settings.schema';

/** Process entry of an HTTP service: settings, app, listen; a start failure is logged and exits 1. */
export function runHttpService(
  name: string,
  createApp: (settings: Settings) => Promise<INestApplication>,
  portOf: (settings: Settings) => number,
): void {
  const logger = createLogger(name);
  const start = async () => {
    const settings = loadSettings();
    const app = await createApp(settings);
    await app.listen(portOf(settings), settings.BIND_HOST);
    logger.info({ port: portOf(settings) }, `${name} listening`);
  };
  start().catch((error: unknown) => {
    logger.fatal({ err: error }, `${name} failed to start`);
    process.exit(1);
  });
}
