import type { estypes } from '@elastic/elasticsearch';

/**
 * The documents an mget found. A document that could not be read (its shard still recovering
 * after a restart) is an error, not "not found": taken as missing, a stage would skip an item
 * (the stories stage: without its story, its offset committed) or claim a band twice.
 */
export function foundDocs<T>(docs: readonly estypes.MgetResponseItem<T>[], what: string): { id: string; source: T; seqNo?: number; primaryTerm?: number }[] {
  const found: { id: string; source: T; seqNo?: number; primaryTerm?: number }[] = [];
  for (const doc of docs) {
    // An index that is gone (retention) holds nothing: retrying would stall the partition for ever.
    if ('error' in doc && doc.error.type === 'index_not_found_exception') continue;
    if ('error' in doc) throw new Error(`${what} ${doc._id} not read: ${doc.error.type}: ${doc.error.reason ?? ''}`);
    if (doc.found && doc._source) found.push({ id: doc._id, source: doc._source, seqNo: doc._seq_no, primaryTerm: doc._primary_term });
  }
  return found;
}
