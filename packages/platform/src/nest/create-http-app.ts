import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';
import { correlationIdMiddleware } from '../audit/audit-request-context';
import { ProblemFilter } from '../http/problem.filter';
import type { Logger } from '../logging/logger';

/**
 * How long an idle keep-alive connection stays open. Node's default of 5 s is shorter than the
 * idle time of most clients' pools, so a client would reuse a connection just as the server
 * closes it and the request fails with no status. Longer than the usual 60 s of proxies.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

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
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // Must exceed keepAliveTimeout, or the headers timer cuts a reused connection first.
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  return app;
}
