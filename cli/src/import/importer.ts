import type { ItemKind, RawItem, TopicDefinition } from '@liaowang/contract';
import { fileEntries, type FileEntriesOptions } from './file-entries';
import type { ImportProgress } from './import-progress';
import type { ImportCounts } from './import-summary';
import { withNumericCells } from './csv-cell-types';
import { kindOf, type ItemRules } from './item-rules';
import type { RejectRecord } from './reject-file';
import { SeenIds } from './seen-ids';
import { isUnreadable, type SourceEntry } from './source-entry';
import type { StoredIdLookup } from './stored-ids';

/** Items per batch: per stored-id query and per produce call. Small enough for one Kafka request of 512 KiB. */
export const IMPORT_BATCH_SIZE = 500;
/** Batches read ahead of the one Kafka is taking: enough to overlap the queries, few enough to bound memory. */
const MAX_PENDING = 3;

/** Sends items to a raw topic; resolves only once Kafka has them all (acks=all). */
export type ItemSender = (topic: TopicDefinition<RawItem>, items: RawItem[]) => Promise<void>;

/** Kafka or Elasticsearch failed during the run: the import stops where it is. */
export class ImportInterruptedError extends Error {
  constructor(
    readonly system: 'Kafka' | 'Elasticsearch',
    readonly lastLine: number,
    cause: unknown,
  ) {
    super(`${system} failed after line ${lastLine}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

export interface ImportRun extends FileEntriesOptions {
  path: string;
  /** Kind of every entry; otherwise each entry's own `kind`, else mention. */
  kind?: ItemKind;
  rules: ItemRules;
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
 * duplicate (its id taken earlier in this run, or already stored). One batch is on its way to
 * Kafka while the next is read and checked; the reading waits for it, so memory stays bounded.
 */
export async function importFile(run: ImportRun): Promise<ImportCounts> {
  const counts: ImportCounts = { accepted: 0, rejected: 0, duplicate: 0 };
  const seen = new SeenIds(run.seenIdsLimit);
  const batchSize = run.batchSize ?? IMPORT_BATCH_SIZE;
  const source = fileEntries(run.path, run);
  let batch: RawItem[] = [];
  let lastLine = 0;
  // Batches checked against Elasticsearch or on their way to Kafka, oldest first.
  const pending: Promise<void>[] = [];
  let previousSend: Promise<void> = Promise.resolve();
  const point = () => ({ bytesRead: source.bytesRead(), entries: counts.accepted + counts.rejected + counts.duplicate + batch.length });

  // A batch goes through three steps: ids taken earlier in this run (at once), ids already stored
  // (an Elasticsearch query, started at once), then Kafka, strictly after the batch before it so
  // that one thread's items keep their order. Reading goes on meanwhile, up to MAX_PENDING batches
  // ahead; then it waits for the oldest (Kafka's pace holds the reading back).
  const flush = async () => {
    const fresh: RawItem[] = [];
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
      await sendByTopic(run, toSend).catch((error: unknown) => {
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

  const take = async (entry: SourceEntry, receivedAt: Date) => {
    lastLine = entry.lastLine;
    if (isUnreadable(entry)) return rejectEntry(run, counts, entry, [entry.problem]);
    const kind = kindOf(entry.payload, run.kind);
    if (typeof kind !== 'string') return rejectEntry(run, counts, entry, [kind]);
    let result = run.rules.toItem(kind, entry.payload, receivedAt);
    const retyped = run.format === 'csv' && 'problems' in result ? withNumericCells(entry.payload, result.problems) : undefined;
    // The evidence stays the row as read; only the validated copy has numbers.
    if (retyped !== undefined) result = retypedItem(run.rules.toItem(kind, retyped, receivedAt), entry.payload);
    if ('problems' in result) return rejectEntry(run, counts, entry, result.problems);
    batch.push(result.item);
    if (batch.length >= batchSize) await flush();
  };

  for await (const entries of source.entries) {
    const receivedAt = new Date();
    for (const entry of entries) await take(entry, receivedAt);
    run.progress?.update(point());
  }
  await flush();
  for (const batchDone of pending) await batchDone;
  run.progress?.stop(point());
  return counts;
}

function retypedItem(result: ReturnType<ItemRules['toItem']>, asRead: unknown): ReturnType<ItemRules['toItem']> {
  return 'item' in result ? { item: { ...result.item, raw: asRead } } : result;
}

async function rejectEntry(run: ImportRun, counts: ImportCounts, entry: SourceEntry, problems: RejectRecord['problems']): Promise<void> {
  counts.rejected++;
  await run.reject({ line: entry.line, lastLine: entry.lastLine, problems });
}

async function sendByTopic(run: ImportRun, items: RawItem[]): Promise<void> {
  const byTopic = new Map<TopicDefinition<RawItem>, RawItem[]>();
  for (const item of items) {
    const topic = run.rules.topicFor(item.kind);
    const list = byTopic.get(topic);
    if (list) list.push(item);
    else byTopic.set(topic, [item]);
  }
  for (const [topic, topicItems] of byTopic) await run.send(topic, topicItems);
}
