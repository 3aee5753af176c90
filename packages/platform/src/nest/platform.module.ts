import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { SessionTokens } from '../auth/session-token';
import { SessionValidator } from '../auth/session-validator';
import type { ElasticsearchClient } from '../elasticsearch/elasticsearch.port';
import type { KafkaPort } from '../kafka/kafka.port';
import type { Logger } from '../logging/logger';
import type { Metrics } from '../metrics/metrics';
import type { Settings } from '../settings/settings.schema';
import { HealthController, READINESS_PROBES, type ReadinessProbes } from './health.controller';
import { SessionGuard } from './session.guard';
import { MetricsController } from './metrics.controller';
import { OpenApiController, OpenApiDocs } from './openapi.controller';
import { ELASTICSEARCH, KAFKA, LOGGER, METRICS, SESSION_TOKENS, SESSION_VALIDATOR, SETTINGS } from './tokens';

export interface PlatformDeps {
  settings: Settings;
  logger: Logger;
  kafka: KafkaPort;
  /** Sessions are checked against Elasticsearch in every service (R-SEC-3). */
  es: ElasticsearchClient;
  metrics: Metrics;
  probes: ReadinessProbes;
}

/**
 * What every Liaowang HTTP service shares: settings, logger, Kafka, Elasticsearch, session checks on every
 * route (global guard), and health endpoints. Instances are built outside, so tests pass theirs.
 */
@Global()
@Module({})
export class PlatformModule implements OnApplicationShutdown {
  constructor(@Inject(KAFKA) private readonly kafka: KafkaPort) {}

  async onApplicationShutdown(): Promise<void> {
    await this.kafka.disconnect();
  }

  static forRoot(deps: PlatformDeps): DynamicModule {
    const tokens = new SessionTokens(deps.settings.AUTH_TOKEN_SECRET, deps.settings.SESSION_TTL_MINUTES);
    const providers = [
      { provide: SETTINGS, useValue: deps.settings },
      { provide: ELASTICSEARCH, useValue: deps.es },
      { provide: LOGGER, useValue: deps.logger },
      { provide: KAFKA, useValue: deps.kafka },
      { provide: METRICS, useValue: deps.metrics },
      { provide: READINESS_PROBES, useValue: deps.probes },
      { provide: SESSION_TOKENS, useValue: tokens },
      { provide: SESSION_VALIDATOR, useValue: new SessionValidator(deps.es, tokens, deps.settings.SESSION_IDLE_MINUTES) },
    ];
    return {
      module: PlatformModule,
      controllers: [HealthController, MetricsController, OpenApiController],
      providers: [...providers, OpenApiDocs, { provide: APP_GUARD, useClass: SessionGuard }],
      exports: providers.map((p) => p.provide),
    };
  }
}
