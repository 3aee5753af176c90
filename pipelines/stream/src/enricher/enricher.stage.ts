import { ALL_ITEMS_RAW_TOPICS, itemsEnrichedTopic } from '@liaowang/contract';
import { MAX_MESSAGE_BYTES, MessageTooLargeError, type KafkaPort, type Logger } from '@liaowang/platform';
import { enrichBatch, type EnrichBatchResult, type TextEnricher } from './enrich-batch';

export const ENRICHER_GROUP = 'liaowang-enricher';

/** Raw topics (one per kind) → enrichment → enriched topic. Stateless, so instances scale with partitions (R-PERF-5). */
export async function startEnricherStage(kafka: KafkaPort, enricher: TextEnricher, logger: Logger) {
  return kafka.consume({
    stage: 'enricher',
    groupId: ENRICHER_GROUP,
    topic: ALL_ITEMS_RAW_TOPICS,
    handle: async (messages, context) => {
      const { enriched, rejected } = enrichBatch(messages, enricher);
      const forwarded = await forwardEnriched(kafka, enriched);
      for (const r of rejected) await kafka.deadLetter('enricher', context, r.message, r.reason);
      for (const r of forwarded.tooLarge) await kafka.deadLetter('enricher', context, r.message, r.reason);
      logger.debug({ partition: context.partition, enriched: forwarded.sent, rejected: rejected.length + forwarded.tooLarge.length }, 'batch');
    },
  });
}

/**
 * Sends the enriched items. One that grew past the topic's message limit (a huge raw text is
 * doubled by its masked copy) comes back as a reject to dead-letter, instead of failing the
 * batch forever and stalling its partition.
 */
async function forwardEnriched(kafka: KafkaPort, enriched: EnrichBatchResult['enriched']) {
  try {
    await kafka.send(itemsEnrichedTopic, enriched);
    return { sent: enriched.length, tooLarge: [] };
  } catch (error) {
    if (!(error instanceof MessageTooLargeError)) throw error;
    const bytesOf = new Map(error.oversized.map(({ index, bytes }) => [index, bytes]));
    const fitting = enriched.filter((_, index) => !bytesOf.has(index));
    await kafka.send(itemsEnrichedTopic, fitting);
    const tooLarge = [...bytesOf].map(([index, bytes]) => ({
      message: enriched[index].source,
      reason: `enriched item is ${bytes} bytes, over the ${MAX_MESSAGE_BYTES}-byte message limit of ${itemsEnrichedTopic.name}`,
    }));
    return { sent: fitting.length, tooLarge };
  }
}
