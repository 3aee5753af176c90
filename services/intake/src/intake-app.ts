import type { INestApplication } from '@nestjs/common';
import { ALL_TOPICS } from '@liaowang/contract';
import {
  createElasticsearchClient,
  createHttpApp,
  createLogger,
  isElasticsearchReady,
  KafkaPort,
  Metrics,
  serveOpenApi,
  type Settings,
} from '@liaowang/platform';
import { IntakeModule } from './intake.module';
import { INTAKE_OPENAPI } from './intake-openapi';

/** The intake service, ready to listen: used by main.ts and by the tests. */
export async function createIntakeApp(settings: Settings): Promise<INestApplication> {
  const logger = createLogger('intake', settings.LOG_LEVEL);
  const metrics = new Metrics('intake');
  const kafka = new KafkaPort(settings.KAFKA_BROKERS, 'liaowang-intake', logger, metrics);
  await kafka.ensureTopics(ALL_TOPICS);
  // Sessions are checked against Elasticsearch here too, exactly as in the API (R-SEC-3).
  const es = createElasticsearchClient(settings.ES_URL);
  const app = await createHttpApp(
    IntakeModule.forRoot({
      settings,
      logger,
      kafka,
      es,
      metrics,
      probes: { kafka: () => kafka.isReachable(), elasticsearch: () => isElasticsearchReady(es) },
    }),
    logger,
    { trustedProxies: settings.TRUSTED_PROXIES },
  );
  serveOpenApi(app, INTAKE_OPENAPI);
  return app;
}
