import { ALL_TOPICS, itemsIndex } from '@liaowang/contract';
import { createEnricher } from '@liaowang/nlp';
import {
  createElasticsearchClient,
  createLogger,
  ensureIndexTemplate,
  KafkaPort,
  Metrics,
  type Settings,
} from '@liaowang/platform';
import { startEnricherStage } from './enricher/enricher.stage';
import { startIndexerStage } from './indexer/indexer.stage';
import { startMetricsServer } from './metrics-server';

export const STREAM_STAGES = ['enricher', 'indexer'] as const;
export type StreamStage = (typeof STREAM_STAGES)[number];

export interface StreamRuntime {
  stop(): Promise<void>;
}

/** Starts the given pipeline stages in this process; each is its own consumer group. */
export async function startStream(settings: Settings, stages: readonly StreamStage[] = STREAM_STAGES): Promise<StreamRuntime> {
  const logger = createLogger('stream', settings.LOG_LEVEL);
  const metrics = new Metrics('stream');
  const kafka = new KafkaPort(settings.KAFKA_BROKERS, 'liaowang-stream', logger, metrics);
  await kafka.ensureTopics(ALL_TOPICS);
  const es = createElasticsearchClient(settings.ES_URL);
  if (stages.includes('enricher')) await startEnricherStage(kafka, createEnricher(), logger.child({ stage: 'enricher' }));
  if (stages.includes('indexer')) {
    await ensureIndexTemplate(es, itemsIndex);
    await startIndexerStage(kafka, es, logger.child({ stage: 'indexer' }));
  }
  const metricsServer =
    settings.STREAM_METRICS_PORT > 0
      ? await startMetricsServer(metrics, settings.STREAM_METRICS_PORT, settings.BIND_HOST)
      : undefined;
  logger.info({ stages }, 'stream stages running');
  return {
    stop: async () => {
      metricsServer?.close();
      await kafka.disconnect();
      await es.close();
    },
  };
}
