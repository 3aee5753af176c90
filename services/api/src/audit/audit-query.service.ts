import { Inject, Injectable } from '@nestjs/common';
import { auditIndex, type AuditChainVerdict, type AuditPage, type AuditQuery, type AuditRecord } from '@liaowang/contract';
import { ELASTICSEARCH, verifyAuditChain, type ElasticsearchClient } from '@liaowang/platform';

/** Reads the audit trail for the admin page; writing is AuditTrail's alone. */
@Injectable()
export class AuditQueryService {
  constructor(@Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient) {}

  /** Newest first; each page ends where the next begins (`before` = the last seq shown). */
  async list(query: AuditQuery): Promise<AuditPage> {
    const filter: object[] = [];
    if (query.actor) filter.push({ term: { 'actor.username': query.actor } });
    if (query.action) filter.push({ term: { action: query.action } });
    if (query.targetType) filter.push({ term: { 'target.type': query.targetType } });
    if (query.targetId) filter.push({ term: { 'target.id': query.targetId } });
    if (query.from || query.to) filter.push({ range: { at: { gte: query.from, lte: query.to } } });
    if (query.before) filter.push({ range: { seq: { lt: query.before } } });
    const response = await this.es.search<AuditRecord>({
      index: auditIndex.alias,
      size: query.size,
      sort: [{ seq: 'desc' }],
      query: { bool: { filter } },
      ignore_unavailable: true,
      allow_no_indices: true,
    });
    const records = response.hits.hits.map((hit) => hit._source!);
    const last = records.at(-1);
    return { records, nextBefore: records.length === query.size && last ? last.seq : undefined };
  }

  verify(): Promise<AuditChainVerdict> {
    return verifyAuditChain(this.es);
  }
}
