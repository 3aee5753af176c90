import type { ItemKind } from '@liaowang/contract';
import { withNumericCells } from './csv-cell-types';
import { fileEntries, type FileEntriesOptions } from './file-entries';
import { contractItemRules, kindOf, type ItemRules } from './item-rules';
import { isUnreadable, type FieldProblem, type SourceEntry } from './source-entry';

/** An entry that passed its kind's schema: the item, serialized as it goes onto its raw topic. */
export interface ReadyItem {
  line: number;
  lastLine: number;
  id: string;
  kind: ItemKind;
  /** The Kafka key (the thread), so one thread stays ordered. */
  key: string;
  /** The raw item as JSON, exactly as the HTTP intake writes it. */
  value: string;
}

/** An entry refused, with every failing field. */
export interface RefusedEntry {
  line: number;
  lastLine: number;
  problems: FieldProblem[];
}

export type CheckedEntry = ReadyItem | RefusedEntry;
export const isRefused = (entry: CheckedEntry): entry is RefusedEntry => 'problems' in entry;

/** Checked entries, in file order, and how far the file has been read. */
export interface CheckedChunk {
  entries: CheckedEntry[];
  bytesRead: number;
  /** With a share: the block these entries are (every entry of it). */
  block?: number;
}

/** Entries per block when threads share a file. */
export const BLOCK_ENTRIES = 1_000;

/** This thread checks the blocks b with b % of === index. */
export interface CheckShare {
  index: number;
  of: number;
}

export interface CheckOptions extends Omit<FileEntriesOptions, 'keep'> {
  path: string;
  /** Kind of every entry; otherwise each entry's own `kind`, else mention. */
  kind?: ItemKind;
}

/**
 * Reads a file and checks each entry by the contract: its kind, its kind's schema, its stable id.
 * Pure work on the file alone (no Kafka, no Elasticsearch), so it can run in a worker thread.
 */
export async function* checkedEntries(options: CheckOptions, share?: CheckShare, rules: ItemRules = contractItemRules): AsyncGenerator<CheckedChunk> {
  const blockOf = (index: number) => Math.floor(index / BLOCK_ENTRIES);
  const keep = share ? (index: number) => blockOf(index) % share.of === share.index : undefined;
  const source = fileEntries(options.path, { ...options, keep });
  let block: CheckedChunk | undefined;
  for await (const entries of source.entries) {
    const receivedAt = new Date();
    if (!share) {
      yield { entries: entries.map((entry) => check(entry, options, rules, receivedAt)), bytesRead: source.bytesRead() };
      continue;
    }
    // A block is given whole, once the first entry of a later block shows it is complete.
    for (const entry of entries) {
      if (block && block.block !== blockOf(entry.index)) {
        yield block;
        block = undefined;
      }
      block ??= { entries: [], bytesRead: 0, block: blockOf(entry.index) };
      block.entries.push(check(entry, options, rules, receivedAt));
      block.bytesRead = source.bytesRead();
    }
  }
  if (block) yield block;
}

function check(entry: SourceEntry, options: CheckOptions, rules: ItemRules, receivedAt: Date): CheckedEntry {
  const at = { line: entry.line, lastLine: entry.lastLine };
  if (isUnreadable(entry)) return { ...at, problems: [entry.problem] };
  const kind = kindOf(entry.payload, options.kind);
  if (typeof kind !== 'string') return { ...at, problems: [kind] };
  let result = rules.toItem(kind, entry.payload, receivedAt);
  const retyped = options.format === 'csv' && 'problems' in result ? withNumericCells(entry.payload, result.problems) : undefined;
  if (retyped !== undefined) {
    const again = rules.toItem(kind, retyped, receivedAt);
    // The evidence stays the row as read; only the validated copy has numbers.
    result = 'item' in again ? { item: { ...again.item, raw: entry.payload } } : again;
  }
  if ('problems' in result) return { ...at, problems: result.problems };
  const { item } = result;
  return { ...at, id: item.id, kind: item.kind, key: item.threadId, value: JSON.stringify(item) };
}
