import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { correlationIdMiddleware } from '../audit/audit-request-context';
import { ProblemFilter } from '../http/problem.filter';
import type { Logger } from '../logging/logger';

/** Builds a Nest HTTP app with our error mapping and JSON logs instead of Nest's console logger. */
export async function createHttpApp(
  rootModule: unknown,
  logger: Logger,
  options: { trustedProxies?: string[] } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(rootModule as never, {
    logger: {
      log: (m) => logger.debug(m),
      error: (m, trace) => logger.error({ trace }, String(m)),
      warn: (m) => logger.warn(m),
      debug: (m) => logger.debug(m),
      verbose: (m) => logger.trace(m),
    },
    bodyParser: false,
  });
  // The client address (sign-in throttle, audit) comes from X-Forwarded-For only when the
  // direct peer is one of our proxies; anyone else's header is ignored, so it cannot be forged.
  const trusted = options.trustedProxies ?? [];
  app.set('trust proxy', trusted.length > 0 ? trusted : false);
  // Evidence payloads can be large, but not unbounded.
  app.useBodyParser('json', { limit: '1mb', type: ['application/json', 'application/*+json'] });
  app.use(correlationIdMiddleware);
  app.useGlobalFilters(new ProblemFilter(logger));
  app.enableShutdownHooks();
  return app;
}
