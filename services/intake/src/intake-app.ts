import type { INestApplication } from '@nestjs/common';
import { ALL_TOPICS } from '@liaowang/contract';
import { createHttpApp, createLogger, KafkaPort, Metrics, type Settings } from '@liaowang/platform';
import { IntakeModule } from './intake.module';

/** The intake service, ready to listen: used by main.ts and by the tests. */
export async function createIntakeApp(settings: Settings): Promise<INestApplication> {
  const logger = createLogger('intake', settings.LOG_LEVEL);
  const metrics = new Metrics('intake');
  const kafka = new KafkaPort(settings.KAFKA_BROKERS, 'liaowang-intake', logger, metrics);
  await kafka.ensureTopics(ALL_TOPICS);
  return createHttpApp(
    IntakeModule.forRoot({ settings, logger, kafka, metrics, probes: { kafka: () => kafka.isReachable() } }),
    logger,
  );
}
