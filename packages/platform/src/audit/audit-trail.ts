import { errors } from '@elastic/elasticsearch';
import { AUDIT_INDEX_NAME, auditDocumentId, type AuditEntry, type AuditRecord } from '@liaowang/contract';
import type { ElasticsearchClient } from '../elasticsearch/elasticsearch.port';
import type { Logger } from '../logging/logger';
import { EMPTY_AUDIT_HEAD, sealAuditRecord, type AuditHead } from './audit-chain';

// Each lost race moves the head forward by at least one record, so only a crowd of writers
// appending at the same moment needs more than a few attempts.
const MAX_ATTEMPTS = 50;

/**
 * The append-only, hash-chained audit trail (R-SEC-2, R-SEC-6). Record n is document id n
 * (zero-padded), written with op_type create: of several API instances only one can take seq n,
 * the others get 409, walk to the new head by realtime GET and try again. Appends in one process
 * go through a queue so they do not race each other. A failed append rejects: the caller's
 * request must then fail, never go unaudited.
 */
export class AuditTrail {
  private head: AuditHead | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly es: ElasticsearchClient,
    private readonly logger: Logger,
    private readonly index = AUDIT_INDEX_NAME,
  ) {}

  append(entry: AuditEntry): Promise<AuditRecord> {
    const appended = this.queue.then(() => this.write(entry));
    this.queue = appended.catch(() => undefined);
    return appended;
  }

  private async write(entry: AuditEntry): Promise<AuditRecord> {
    for (let attempt = 1; ; attempt += 1) {
      const head = await this.currentHead();
      const record = sealAuditRecord(entry, head, new Date().toISOString());
      try {
        await this.es.create({ index: this.index, id: auditDocumentId(record.seq), document: record });
        this.head = { seq: record.seq, hash: record.hash };
        return record;
      } catch (error) {
        this.head = undefined;
        if (!isConflict(error)) throw error;
        // The client retries a timed-out request, so the 409 may be our own first try.
        const taken = await this.get(record.seq);
        if (taken?.hash === record.hash) {
          this.head = { seq: record.seq, hash: record.hash };
          return record;
        }
        if (attempt >= MAX_ATTEMPTS) throw new Error(`audit append lost ${attempt} races for the next sequence number`);
        this.logger.debug({ seq: record.seq, attempt }, 'audit seq taken by another writer; moving to the new head');
        this.head = await this.walkForward(taken ? { seq: taken.seq, hash: taken.hash } : head);
      }
    }
  }

  /**
   * The cached head if it is still stored as we wrote it, else the head found afresh. One realtime
   * GET per append keeps an instance that lived through a restore of an older chain from linking
   * to a record that is no longer there.
   */
  private async currentHead(): Promise<AuditHead> {
    const cached = this.head;
    if (cached && (await this.get(cached.seq))?.hash === cached.hash) return cached;
    return this.findHead();
  }

  /** The newest record: the highest seq that search sees (refreshed about every second), then forward by realtime GET. */
  private async findHead(): Promise<AuditHead> {
    const response = await this.es.search<AuditRecord>({
      index: this.index,
      size: 1,
      sort: [{ seq: 'desc' }],
      _source: ['seq', 'hash'],
      ignore_unavailable: true,
    });
    const newest = response.hits.hits[0]?._source;
    return this.walkForward(newest ? { seq: newest.seq, hash: newest.hash } : EMPTY_AUDIT_HEAD);
  }

  private async walkForward(from: AuditHead): Promise<AuditHead> {
    let head = from;
    for (;;) {
      const next = await this.get(head.seq + 1);
      if (!next) return head;
      head = { seq: next.seq, hash: next.hash };
    }
  }

  private async get(seq: number): Promise<AuditRecord | undefined> {
    const response = await this.es.get<AuditRecord>(
      { index: this.index, id: auditDocumentId(seq), _source_includes: ['seq', 'hash'] },
      { ignore: [404] },
    );
    return response.found ? response._source : undefined;
  }
}

function isConflict(error: unknown): boolean {
  return error instanceof errors.ResponseError && error.meta.statusCode === 409;
}
