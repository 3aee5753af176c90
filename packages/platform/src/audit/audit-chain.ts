import { AUDIT_GENESIS_HASH, auditDocumentId, type AuditEntry, type AuditRecord, type AuditTamper } from '@liaowang/contract';
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';

/** The last record of a chain, as far as its writer or reader knows it. */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** Before anything was written: the next record is seq 1, linked to 64 zeros. */
export const EMPTY_AUDIT_HEAD: AuditHead = { seq: 0, hash: AUDIT_GENESIS_HASH };

/**
 * Hex SHA-256 over the RFC 8785 canonical JSON of the record without `hash` (prevHash included,
 * so each record seals the whole chain before it). Keys left undefined are dropped first, as
 * they are when the document is stored, so writer and verifier hash the same bytes.
 */
export function auditRecordHash(record: Omit<AuditRecord, 'hash'> & { hash?: unknown }): string {
  const { hash: _ignored, ...rest } = record;
  const stored = JSON.parse(JSON.stringify(rest)) as unknown;
  return createHash('sha256').update(canonicalize(stored) ?? '').digest('hex');
}

/** The record that follows `head`: the next sequence number, linked to its hash. */
export function sealAuditRecord(entry: AuditEntry, head: AuditHead, at: string): AuditRecord {
  const unsealed = { ...entry, seq: head.seq + 1, prevHash: head.hash, at };
  return { ...unsealed, hash: auditRecordHash(unsealed) };
}

export interface AuditChainBreak {
  firstBrokenSeq: number;
  tamper: AuditTamper;
  reason: string;
}

/**
 * Checks records handed in in stored order (by seq), one page after another, and stops at the
 * first break. Pure: the reading from Elasticsearch is verifyAuditChain's job.
 */
export class AuditChainChecker {
  private head: AuditHead = EMPTY_AUDIT_HEAD;
  private broken: AuditChainBreak | undefined;
  private count = 0;

  get records(): number {
    return this.count;
  }

  get break(): AuditChainBreak | undefined {
    return this.broken;
  }

  /** Checks the next record; `id` is its document id when known. Returns the break, if this is it. */
  push(record: AuditRecord, id?: string): AuditChainBreak | undefined {
    if (this.broken) return this.broken;
    const expected = this.head.seq + 1;
    this.broken = this.check(record, expected, id);
    if (this.broken) return this.broken;
    this.count += 1;
    this.head = { seq: record.seq, hash: record.hash };
    return undefined;
  }

  private check(record: AuditRecord, expected: number, id: string | undefined): AuditChainBreak | undefined {
    const seq = record.seq;
    if (typeof seq !== 'number' || !Number.isInteger(seq)) {
      return { firstBrokenSeq: expected, tamper: 'inserted', reason: 'a record without a sequence number was inserted' };
    }
    if (seq < expected) {
      return { firstBrokenSeq: seq, tamper: 'inserted', reason: `a second record with seq ${seq} was inserted` };
    }
    if (seq > expected) {
      const missing = seq - 1 === expected ? `record ${expected} is` : `records ${expected}–${seq - 1} are`;
      return { firstBrokenSeq: expected, tamper: 'removed', reason: `${missing} missing (removed)` };
    }
    if (id !== undefined && id !== auditDocumentId(seq)) {
      return { firstBrokenSeq: seq, tamper: 'inserted', reason: `document ${id} holds seq ${seq} (inserted, not appended)` };
    }
    if (auditRecordHash(record) !== record.hash) {
      return { firstBrokenSeq: seq, tamper: 'edited', reason: 'its content does not match its hash (edited)' };
    }
    if (record.prevHash !== this.head.hash) {
      const previous = seq === 1 ? 'the start of the chain' : `the hash of record ${seq - 1}`;
      return { firstBrokenSeq: seq, tamper: 'relinked', reason: `its prevHash does not match ${previous} (a record was rewritten)` };
    }
    return undefined;
  }
}
