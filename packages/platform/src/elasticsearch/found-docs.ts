import type { estypes } from '@elastic/elasticsearch';

/**
 * The documents an mget found, errors told from "not found": a document that could not be read
 * (its shard still recovering after a restart) throws, since taken as missing a stage would skip
 * an item (the stories stage: without its story, its offset committed) or claim a band twice; a
 * document of an index that is gone (retention) holds nothing, and retrying would stall the
 * partition for ever, so it counts as missing.
 */
function readableFound<T>(docs: readonly estypes.MgetResponseItem<T>[], what: string): estypes.GetGetResult<T>[] {
  const found: estypes.GetGetResult<T>[] = [];
  for (const doc of docs) {
    if ('error' in doc && doc.error.type === 'index_not_found_exception') continue;
    if ('error' in doc) throw new Error(`${what} ${doc._id} not read: ${doc.error.type}: ${doc.error.reason ?? ''}`);
    if (doc.found) found.push(doc);
  }
  return found;
}

/** The documents an mget found, with their source and what an optimistic write needs. */
export function foundDocs<T>(
  docs: readonly estypes.MgetResponseItem<T>[],
  what: string,
): { id: string; source: T; seqNo?: number; primaryTerm?: number }[] {
  return readableFound(docs, what).flatMap((doc) =>
    doc._source ? [{ id: doc._id, source: doc._source, seqNo: doc._seq_no, primaryTerm: doc._primary_term }] : [],
  );
}

/** The ids an mget found, for a lookup that asks for no source (`_source: false`). */
export function foundIds(docs: readonly estypes.MgetResponseItem<unknown>[], what: string): string[] {
  return readableFound(docs, what).map((doc) => doc._id);
}
