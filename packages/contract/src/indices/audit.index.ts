import type { Role } from '../roles';
import type { IndexTemplateDefinition } from './index-template';

const keyword = { type: 'keyword' } as const;

// R-SEC-2, R-SEC-6: the append-only audit trail. One index, no time split: the chain is one
// sequence, and document ids are the zero-padded sequence numbers (see docs/ARCHITECTURE.md).
export const auditIndex: IndexTemplateDefinition = {
  alias: 'liaowang-audit',
  templateName: 'liaowang-audit-v1',
  version: 1,
  indexPatterns: ['liaowang-audit-v1'],
  settings: { number_of_shards: 1, number_of_replicas: 0 },
  mappings: {
    dynamic: 'strict',
    properties: {
      seq: { type: 'long' },
      prevHash: keyword,
      hash: keyword,
      at: { type: 'date' },
      actor: { properties: { username: keyword, role: keyword } },
      action: keyword,
      target: { properties: { type: keyword, id: keyword } },
      // Kept as evidence, never searched: their shapes differ per action.
      before: { type: 'object', enabled: false },
      after: { type: 'object', enabled: false },
      correlationId: keyword,
      clientAddress: keyword,
      outcome: keyword,
      detail: { type: 'text' },
    },
  },
  ofRecord: true,
};

/** The concrete index behind the audit alias. */
export const AUDIT_INDEX_NAME = 'liaowang-audit-v1';

/** prevHash of the first record: there is nothing before it. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** Who acted: a signed-in role, a connector or the system itself, or 'unknown' for a failed sign-in. */
export type AuditActorRole = Role | 'connector' | 'system' | 'unknown';

/** One entry as its writer hands it in; the trail adds seq, at and the hashes. */
export interface AuditEntry {
  actor: { username: string; role: AuditActorRole };
  /** What was done, e.g. 'auth.login', 'auth.login.failed', 'auth.logout', 'users.create', 'items.raw.view'. */
  action: string;
  target: { type: string; id: string };
  /** The target before and after the change (stored, not indexed); leave out secrets such as password hashes. */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  correlationId?: string;
  clientAddress?: string;
  outcome: 'success' | 'failure';
  detail?: string;
}

/** One stored record of the hash chain. */
export interface AuditRecord extends AuditEntry {
  /** 1, 2, 3, … with no gap; also the document id, zero-padded (auditDocumentId). */
  seq: number;
  /** `hash` of record seq − 1 (AUDIT_GENESIS_HASH for seq 1). */
  prevHash: string;
  /** Hex SHA-256 over the RFC 8785 canonical JSON of the record without `hash`. */
  hash: string;
  /** ISO 8601 time of the append. */
  at: string;
}

/** Document id of record `seq`: zero-padded so ids sort like numbers. */
export function auditDocumentId(seq: number): string {
  return String(seq).padStart(19, '0');
}
