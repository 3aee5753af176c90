import { itemsIndexedTopic, itemSummarySchema, type ItemSummary } from '@liaowang/contract';
import { parseMessage, type ElasticsearchClient, type KafkaPort, type Logger } from '@liaowang/platform';
import { storyFrom } from './story-aggregate';
import { StoryAssigner } from './story-assigner';
import { storyFingerprints } from './story-keys';
import { StoryRepository } from './story.repository';

export const STORIES_GROUP = 'liaowang-stories';

/**
 * Indexed topic (the item is searchable, so its document exists) → story of each item → storyId
 * written onto the item → the touched stories' figures counted from their items → stories index.
 * Batches of this process run one at a time, so its partitions never race each other.
 */
export async function startStoriesStage(kafka: KafkaPort, es: ElasticsearchClient, logger: Logger) {
  const repository = new StoryRepository(es);
  const assigner = new StoryAssigner(repository);
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };
  return kafka.consume({
    stage: 'stories',
    groupId: STORIES_GROUP,
    topic: itemsIndexedTopic,
    // Each batch costs a refresh (or the wait for one) and a few round trips whatever its size: in a
    // burst, larger batches (up to about 8,000 items) spread them over more items.
    maxBatchBytes: 4 * 1024 * 1024,
    handle: (messages, context) =>
      serially(async () => {
        const summaries: ItemSummary[] = [];
        for (const message of messages) {
          const parsed = parseMessage(message, itemSummarySchema);
          if (parsed.ok) summaries.push(parsed.value);
          else await kafka.deadLetter('stories', context, message, parsed.reason);
        }
        const stored = await repository.items(summaries);
        // An item re-sent and indexed again is read again here; it finds its story as before.
        const candidates = summaries
          .filter((s) => stored.has(s.id))
          .map((s) => ({ id: s.id, title: s.text, fingerprints: storyFingerprints(stored.get(s.id)!.fingerprint, stored.get(s.id)!.text) }));
        const { storyOf, touched } = await assigner.assign(candidates);
        await repository.setStoryIds(summaries.filter((s) => storyOf.has(s.id)).map((s) => ({ id: s.id, publishedAt: s.publishedAt, storyId: storyOf.get(s.id)! })));
        const now = new Date();
        const figures = await repository.figures([...touched.keys()], now);
        await repository.write([...touched.values()].filter((s) => figures.has(s.id)).map((s) => storyFrom(s, figures.get(s.id)!, now)));
        logger.debug({ partition: context.partition, items: summaries.length, stories: touched.size }, 'batch');
      }),
  });
}
