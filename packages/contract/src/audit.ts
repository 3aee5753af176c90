import { z } from 'zod';
import type { AuditRecord } from './indices/audit.index';

/** `GET /api/v1/audit`: filters of the trail, newest first, paged by seq. */
export const auditQueryFields = z.object({
  actor: z.string().trim().min(1).max(100).optional(),
  action: z.string().trim().min(1).max(100).optional(),
  targetType: z.string().trim().min(1).max(100).optional(),
  targetId: z.string().trim().min(1).max(300).optional(),
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  size: z.coerce.number().int().min(1).max(200).default(50),
  /** Only records with a lower seq: the `nextBefore` of the previous page. */
  before: z.coerce.number().int().min(1).optional(),
});
export const auditQuerySchema = auditQueryFields.refine(
  (q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to),
  { message: 'from is after to', path: ['from'] },
);
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export interface AuditPage {
  records: AuditRecord[];
  /** Pass as `before` for the next (older) page; absent on the last page. */
  nextBefore?: number;
}

/** How a chain was tampered with, as far as the chain itself can tell. */
export type AuditTamper = 'edited' | 'removed' | 'inserted' | 'relinked';

/** `GET /api/v1/audit/verify` and `liaowang audit verify`: the verdict of a walk over the whole chain. */
export interface AuditChainVerdict {
  ok: boolean;
  /** Records found whole before the first break (all of them when ok). */
  records: number;
  firstBrokenSeq?: number;
  tamper?: AuditTamper;
  reason?: string;
}
