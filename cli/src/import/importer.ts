import type { ItemKind, RawItem, TopicDefinition } from '@liaowang/contract';
import { checkedEntries, isRefused, type CheckedChunk, type CheckOptions, type ReadyItem } from './checked-entries';
import type { ImportProgress } from './import-progress';
import type { ImportCounts } from './import-summary';
import { contractItemRules } from './item-rules';
import type { RejectRecord } from './reject-file';
import { SeenIds } from './seen-ids';
import type { StoredIdLookup } from './stored-ids';

/** Items per batch: per stored-id query and per produce call (Kafka requests are cut at 512 KiB). */
export const IMPORT_BATCH_SIZE = 2_000;
/** Batches read ahead of the one Kafka is taking: enough to overlap the queries, few enough to bound memory. */
const MAX_PENDING = 3;

/** Sends serialized items to a raw topic; resolves only once Kafka has them all (acks=all). */
export type ItemSender = (topic: TopicDefinition<RawItem>, messages: { key: string; value: string }[]) => Promise<void>;

/** Kafka or Elasticsearch failed during the run: the import stops where it is. */
export class ImportInterruptedError extends Error {
  /** What was settled before the failure: the batches that reached Kafka, the lines rejected. */
  counts?: ImportCounts;

  constructor(
    readonly system: 'Kafka' | 'Elasticsearch',
    readonly lastLine: number,
    cause: unknown,
  ) {
    super(`${system} failed after line ${lastLine}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

export interface ImportRun extends CheckOptions {
  /** The checked entries of the file; by default read in this thread. */
  source?: AsyncIterable<CheckedChunk>;
  topicFor?(kind: ItemKind): TopicDefinition<RawItem>;
  storedIds: StoredIdLookup;
  send: ItemSender;
  reject(record: RejectRecord): Promise<void>;
  progress?: ImportProgress;
  batchSize?: number;
  seenIdsLimit?: number;
}

/**
 * Imports a file entry by entry, in bounded batches: each entry is accepted (produced to its raw
 * topic), rejected (written to the reject file with its line and the failing fields) or a
 * duplicate (its id taken earlier in this run, or already stored).
 */
export async function importFile(run: ImportRun): Promise<ImportCounts> {
  const counts: ImportCounts = { accepted: 0, rejected: 0, duplicate: 0 };
  const seen = new SeenIds(run.seenIdsLimit);
  const batchSize = run.batchSize ?? IMPORT_BATCH_SIZE;
  const topicFor = run.topicFor ?? contractItemRules.topicFor;
  let batch: ReadyItem[] = [];
  let lastLine = 0;
  // Batches checked against Elasticsearch or on their way to Kafka, oldest first.
  const pending: Promise<void>[] = [];
  let previousSend: Promise<void> = Promise.resolve();

  // A batch goes through three steps: ids taken earlier in this run (at once), ids already stored
  // (an Elasticsearch query, started at once), then Kafka, strictly after the batch before it so
  // that one thread's items keep their order. Reading goes on meanwhile, up to MAX_PENDING batches
  // ahead; then it waits for the oldest (Kafka's pace holds the reading back).
  const flush = async () => {
    const fresh: ReadyItem[] = [];
    for (const item of batch) {
      if (seen.has(item.id)) counts.duplicate++;
      else {
        seen.add(item.id);
        fresh.push(item);
      }
    }
    batch = [];
    const upTo = lastLine;
    const stored = run.storedIds(fresh.map((item) => item.id)).catch((error: unknown) => {
      throw new ImportInterruptedError('Elasticsearch', upTo, error);
    });
    const after = previousSend;
    const done = (async () => {
      const storedIds = await stored;
      const toSend = fresh.filter((item) => !storedIds.has(item.id));
      await after;
      await sendByTopic(run.send, topicFor, toSend).catch((error: unknown) => {
        throw new ImportInterruptedError('Kafka', upTo, error);
      });
      counts.duplicate += fresh.length - toSend.length;
      counts.accepted += toSend.length;
    })();
    // Awaited below or at the end; until then a failure must not count as unhandled.
    done.catch(() => undefined);
    previousSend = done;
    pending.push(done);
    while (pending.length >= MAX_PENDING) await pending.shift();
  };

  let bytesRead = 0;
  let entriesRead = 0;
  const point = () => ({ bytesRead, entries: entriesRead });
  try {
    for await (const chunk of run.source ?? checkedEntries(run)) {
      bytesRead = chunk.bytesRead;
      for (const entry of chunk.entries) {
        entriesRead++;
        lastLine = entry.lastLine;
        if (isRefused(entry)) {
          counts.rejected++;
          await run.reject({ line: entry.line, lastLine: entry.lastLine, problems: entry.problems });
        } else {
          batch.push(entry);
          if (batch.length >= batchSize) await flush();
        }
      }
      run.progress?.update(point());
    }
    await flush();
    for (const batchDone of pending) await batchDone;
  } catch (error) {
    if (error instanceof ImportInterruptedError) {
      // Let the other batches settle, so the counts say what did reach Kafka.
      await Promise.allSettled(pending);
      error.counts = { ...counts };
    }
    throw error;
  } finally {
    run.progress?.stop(point());
  }
  return counts;
}

async function sendByTopic(send: ItemSender, topicFor: (kind: ItemKind) => TopicDefinition<RawItem>, items: ReadyItem[]): Promise<void> {
  const byTopic = new Map<TopicDefinition<RawItem>, { key: string; value: string }[]>();
  for (const item of items) {
    const topic = topicFor(item.kind);
    const messages = byTopic.get(topic);
    const message = { key: item.key, value: item.value };
    if (messages) messages.push(message);
    else byTopic.set(topic, [message]);
  }
  for (const [topic, messages] of byTopic) await send(topic, messages);
}
