import { Inject, Injectable } from '@nestjs/common';
import { ESCALATION_TIMERS_INDEX_NAME, type EscalationTimer } from '@liaowang/contract';
import { ELASTICSEARCH, type ElasticsearchClient } from '@liaowang/platform';

/** A timer with its optimistic-concurrency position. */
export interface VersionedTimer {
  timer: EscalationTimer;
  seqNo: number;
  primaryTerm: number;
}

const isConflict = (error: unknown) => (error as { meta?: { statusCode?: number } }).meta?.statusCode === 409;

/** Escalation timers of record (document id `<alertId>:<step>`). */
@Injectable()
export class EscalationTimerRepository {
  constructor(@Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient) {}

  /** Creates the timers that do not exist yet: a replayed alert event creates nothing twice. */
  async createAll(timers: readonly EscalationTimer[]): Promise<number> {
    if (timers.length === 0) return 0;
    const response = await this.es.bulk({ operations: timers.flatMap((timer) => [{ create: { _index: ESCALATION_TIMERS_INDEX_NAME, _id: timer.id } }, timer]) });
    let created = 0;
    for (const item of response.items) {
      const status = item.create?.status ?? 500;
      if (status === 201) created++;
      else if (status !== 409) throw new Error(`escalation timer not created: ${status} ${JSON.stringify(item.create?.error ?? {})}`);
    }
    return created;
  }

  /** Pending timers due by `now`, and claims older than `leaseMs` (their instance died mid-way), oldest first. */
  async due(now: Date, leaseMs: number, size: number): Promise<VersionedTimer[]> {
    const result = await this.es.search<EscalationTimer>({
      index: ESCALATION_TIMERS_INDEX_NAME,
      ignore_unavailable: true,
      size,
      seq_no_primary_term: true,
      query: {
        bool: {
          should: [
            { bool: { filter: [{ term: { state: 'pending' } }, { range: { dueAt: { lte: now.toISOString() } } }] } },
            { bool: { filter: [{ term: { state: 'firing' } }, { range: { claimedAt: { lte: new Date(now.getTime() - leaseMs).toISOString() } } }] } },
          ],
          minimum_should_match: 1,
        },
      },
      sort: [{ dueAt: 'asc' }],
    });
    return result.hits.hits.flatMap((hit) =>
      hit._source && hit._seq_no !== undefined && hit._primary_term !== undefined ? [{ timer: hit._source, seqNo: hit._seq_no, primaryTerm: hit._primary_term }] : [],
    );
  }

  async pendingOf(alertId: string): Promise<VersionedTimer[]> {
    const result = await this.es.search<EscalationTimer>({
      index: ESCALATION_TIMERS_INDEX_NAME,
      ignore_unavailable: true,
      size: 100,
      seq_no_primary_term: true,
      query: { bool: { filter: [{ term: { alertId } }, { term: { state: 'pending' } }] } },
    });
    return result.hits.hits.flatMap((hit) =>
      hit._source && hit._seq_no !== undefined && hit._primary_term !== undefined ? [{ timer: hit._source, seqNo: hit._seq_no, primaryTerm: hit._primary_term }] : [],
    );
  }

  /**
   * Writes `next` only if the timer is still as read (if_seq_no / if_primary_term): of several
   * instances that read the same due timer exactly one succeeds. Null when another got there first.
   */
  async replace(from: VersionedTimer, next: EscalationTimer): Promise<VersionedTimer | null> {
    try {
      const response = await this.es.index({
        index: ESCALATION_TIMERS_INDEX_NAME,
        id: next.id,
        document: next,
        if_seq_no: from.seqNo,
        if_primary_term: from.primaryTerm,
      });
      return { timer: next, seqNo: response._seq_no ?? 0, primaryTerm: response._primary_term ?? 0 };
    } catch (error) {
      if (isConflict(error)) return null;
      throw error;
    }
  }
}
