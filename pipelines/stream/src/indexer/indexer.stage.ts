import {
  enrichedItemSchema,
  itemsEnrichedTopic,
  itemsIndexedTopic,
  summarizeItem,
  type EnrichedItem,
} from '@liaowang/contract';
import type { ConsumedMessage, ElasticsearchClient, KafkaPort, Logger } from '@liaowang/platform';
import { parseMessage } from '@liaowang/platform';
import { bulkIndex } from './bulk-index';
import { ItemHomeResolver } from './home-resolver';
import { monthIndexPreparer } from './month-indices';

export const INDEXER_GROUP = 'liaowang-indexer';

/** Enriched topic → Elasticsearch (bulk, idempotent) → indexed topic for live dashboards. */
export async function startIndexerStage(kafka: KafkaPort, es: ElasticsearchClient, logger: Logger) {
  const prepareMonthIndices = monthIndexPreparer(es);
  const homes = new ItemHomeResolver(es);
  return kafka.consume({
    stage: 'indexer',
    groupId: INDEXER_GROUP,
    topic: itemsEnrichedTopic,
    handle: async (messages, context) => {
      const items: EnrichedItem[] = [];
      const sourceOf = new Map<string, ConsumedMessage>();
      for (const message of messages) {
        const parsed = parseMessage(message, enrichedItemSchema);
        if (parsed.ok) {
          items.push(parsed.value);
          sourceOf.set(parsed.value.id, message);
        } else {
          await kafka.deadLetter('indexer', context, message, parsed.reason);
        }
      }
      const batch = { partition: context.partition, firstOffset: messages[0].offset };
      const homeOf = await homes.resolve(items, batch);
      await prepareMonthIndices([...homeOf.values()].map((home) => home.index));
      const { indexed, refused } = await bulkIndex(es, items, homeOf);
      homes.remember(homeOf, { partition: context.partition, nextOffset: (BigInt(messages[messages.length - 1].offset) + 1n).toString() });
      for (const r of refused) await kafka.deadLetter('indexer', context, sourceOf.get(r.item.id)!, r.reason);
      await kafka.send(
        itemsIndexedTopic,
        indexed.map((item) => ({ key: item.id, value: summarizeItem(item) })),
      );
      logger.debug({ partition: context.partition, indexed: indexed.length, refused: refused.length }, 'batch');
    },
  });
}
