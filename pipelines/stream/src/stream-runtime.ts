import {
  ALERT_RULES_INDEX_NAME,
  ALERTS_INDEX_NAME,
  ALL_TOPICS,
  alertRulesIndex,
  alertsIndex,
  itemsIndex,
  storiesIndex,
  STORIES_INDEX_NAME,
  storyBandsIndex,
  STORY_BANDS_INDEX_NAME,
  spikesIndex,
  type IndexTemplateDefinition,
} from '@liaowang/contract';
import { createEnricher } from '@liaowang/nlp';
import {
  createElasticsearchClient,
  createLogger,
  ensureIndex,
  ensureIndexTemplate,
  KafkaPort,
  untilReachable,
  Metrics,
  type Settings,
} from '@liaowang/platform';
import { startAlertEvaluatorStage } from './alerts/alert-evaluator.stage';
import { startAlertRecorderStage } from './alerts/alert-recorder.stage';
import { elasticsearchRuleSource, RuleBook } from './alerts/rule-book';
import { withoutSilencedRules } from './alerts/silenced-rules';
import { startEnricherStage } from './enricher/enricher.stage';
import { startIndexerStage } from './indexer/indexer.stage';
import { startMetricsServer } from './metrics-server';
import { startSpikesStage } from './spikes/spikes.stage';
import { startStoriesStage } from './stories/stories.stage';
import { streamHealth, type StreamHealth } from './stream-health';

export const STREAM_STAGES = ['enricher', 'indexer', 'alert-evaluator', 'alert-recorder', 'stories', 'spikes'] as const;
export type StreamStage = (typeof STREAM_STAGES)[number];

export interface StreamRuntime {
  /** Liveness and readiness, as /health/live and /health/ready serve them. */
  health: StreamHealth;
  stop(): Promise<void>;
}

/** Starts the given pipeline stages in this process; each is its own consumer group. */
export async function startStream(settings: Settings, stages: readonly StreamStage[] = STREAM_STAGES): Promise<StreamRuntime> {
  const logger = createLogger('stream', settings.LOG_LEVEL);
  const metrics = new Metrics('stream');
  const kafka = new KafkaPort(settings.KAFKA_BROKERS, 'liaowang-stream', logger, metrics);
  // A server still starting (or down) when this process starts is waited for, not a reason to
  // exit (R-REL-1): a supervisor restarting it in a loop would only add noise.
  const reachable = <T>(what: string, step: () => Promise<T>) => untilReachable(what, step, logger);
  await reachable('Kafka', () => kafka.ensureTopics(ALL_TOPICS));
  const es = createElasticsearchClient(settings.ES_URL);
  const ensureTemplates = (...defs: IndexTemplateDefinition[]) =>
    reachable('Elasticsearch', async () => {
      for (const def of defs) await ensureIndexTemplate(es, def);
    });
  const ensureIndices = (...names: string[]) =>
    reachable('Elasticsearch', async () => {
      for (const name of names) await ensureIndex(es, name);
    });
  if (stages.includes('enricher')) await startEnricherStage(kafka, createEnricher(), logger.child({ stage: 'enricher' }));
  if (stages.includes('indexer')) {
    await ensureTemplates(itemsIndex);
    await startIndexerStage(kafka, es, logger.child({ stage: 'indexer' }));
  }
  let ruleBook: RuleBook | undefined;
  if (stages.includes('alert-evaluator')) {
    await ensureTemplates(alertRulesIndex);
    await ensureIndices(ALERT_RULES_INDEX_NAME);
    const ruleLogger = logger.child({ stage: 'alert-evaluator' });
    ruleBook = new RuleBook(withoutSilencedRules(elasticsearchRuleSource(es), es), ruleLogger, (compiled, skipped) => {
      metrics.alertRules.set({ state: 'compiled' }, compiled);
      metrics.alertRules.set({ state: 'skipped' }, skipped);
    });
    const book = ruleBook;
    await reachable('Elasticsearch', () => book.start(settings.ALERT_RULES_RELOAD_SECONDS * 1000));
    await startAlertEvaluatorStage(kafka, ruleBook, ruleLogger, metrics);
  }
  if (stages.includes('alert-recorder')) {
    await ensureTemplates(alertsIndex);
    await ensureIndices(ALERTS_INDEX_NAME);
    await startAlertRecorderStage(kafka, es, logger.child({ stage: 'alert-recorder' }), metrics);
  }
  if (stages.includes('stories')) {
    await ensureTemplates(itemsIndex, storiesIndex, storyBandsIndex);
    await ensureIndices(STORIES_INDEX_NAME, STORY_BANDS_INDEX_NAME);
    await startStoriesStage(kafka, es, logger.child({ stage: 'stories' }));
  }
  let spikes: { stop(): void } | undefined;
  if (stages.includes('spikes')) {
    await ensureTemplates(spikesIndex);
    spikes = startSpikesStage(es, kafka, logger.child({ stage: 'spikes' }), {
      detector: { zAtLeast: settings.SPIKE_Z, minCount: settings.SPIKE_MIN_COUNT },
      intervalMs: settings.SPIKE_EVALUATE_SECONDS * 1000,
    });
  }
  const health = streamHealth(kafka, stages.some((stage) => stage !== 'enricher') ? es : undefined);
  const metricsServer =
    settings.STREAM_METRICS_PORT > 0
      ? await startMetricsServer(metrics, settings.STREAM_METRICS_PORT, settings.BIND_HOST, health)
      : undefined;
  logger.info({ stages }, 'stream stages running');
  return {
    health,
    stop: async () => {
      metricsServer?.close();
      ruleBook?.stop();
      spikes?.stop();
      await kafka.disconnect();
      await es.close();
    },
  };
}
