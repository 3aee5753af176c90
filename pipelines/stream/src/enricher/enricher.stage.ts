import { itemsEnrichedTopic, itemsRawTopic } from '@liaowang/contract';
import type { KafkaPort, Logger } from '@liaowang/platform';
import { enrichBatch, type TextEnricher } from './enrich-batch';

export const ENRICHER_GROUP = 'liaowang-enricher';

/** Raw topic → enrichment → enriched topic. Stateless, so instances scale with partitions (R-PERF-5). */
export async function startEnricherStage(kafka: KafkaPort, enricher: TextEnricher, logger: Logger) {
  return kafka.consume({
    stage: 'enricher',
    groupId: ENRICHER_GROUP,
    topic: itemsRawTopic,
    handle: async (messages, context) => {
      const { enriched, rejected } = enrichBatch(messages, enricher);
      await kafka.send(itemsEnrichedTopic, enriched);
      for (const r of rejected) await kafka.deadLetter('enricher', context, r.message, r.reason);
      logger.debug({ partition: context.partition, enriched: enriched.length, rejected: rejected.length }, 'batch');
    },
  });
}
