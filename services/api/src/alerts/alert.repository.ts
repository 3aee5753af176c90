import { Inject, Injectable } from '@nestjs/common';
import { ALERTS_INDEX_NAME, type Alert, type AlertListQuery } from '@liaowang/contract';
import { ELASTICSEARCH, type ElasticsearchClient } from '@liaowang/platform';

/** An alert with its optimistic-concurrency position (if_seq_no / if_primary_term). */
export interface VersionedAlert {
  alert: Alert;
  seqNo: number;
  primaryTerm: number;
}

/** The alert changed since it was read (a concurrent move or a grouped match). */
export class AlertVersionConflict extends Error {}

/** Alerts of record, as the stream's recorder writes them (document id = alert id). */
@Injectable()
export class AlertRepository {
  constructor(@Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient) {}

  /** Newest first by cursor; `cursor` returns only older alerts (a lower cursor). */
  async list(query: AlertListQuery): Promise<Alert[]> {
    const filter = [
      ...(query.state ? [{ term: { state: query.state } }] : []),
      ...(query.ruleId ? [{ term: { ruleId: query.ruleId } }] : []),
      ...(query.cursor !== undefined ? [{ range: { cursor: { lt: query.cursor } } }] : []),
    ];
    const result = await this.es.search<Alert>({
      index: ALERTS_INDEX_NAME,
      ignore_unavailable: true,
      size: query.size,
      query: { bool: { filter } },
      sort: [{ cursor: 'desc' }],
    });
    return result.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : []));
  }

  /**
   * The newest `limit` alerts with a cursor above `cursor`, in ascending cursor order, and whether
   * older ones above `cursor` were left out (the replay after a reconnect).
   */
  async since(cursor: number, limit: number): Promise<{ alerts: Alert[]; more: boolean }> {
    const result = await this.es.search<Alert>({
      index: ALERTS_INDEX_NAME,
      ignore_unavailable: true,
      size: limit + 1,
      query: { range: { cursor: { gt: cursor } } },
      sort: [{ cursor: 'desc' }],
    });
    const newest = result.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : []));
    return { alerts: newest.slice(0, limit).reverse(), more: newest.length > limit };
  }

  async find(id: string): Promise<VersionedAlert | null> {
    const doc = await this.es.get<Alert>({ index: ALERTS_INDEX_NAME, id }, { ignore: [404] });
    if (!doc.found || !doc._source || doc._seq_no === undefined || doc._primary_term === undefined) return null;
    return { alert: doc._source, seqNo: doc._seq_no, primaryTerm: doc._primary_term };
  }

  /** Saves the moved alert only if nobody changed it since `from` was read. */
  async replace(from: VersionedAlert, alert: Alert): Promise<void> {
    try {
      await this.es.index({
        index: ALERTS_INDEX_NAME,
        id: alert.id,
        document: alert,
        if_seq_no: from.seqNo,
        if_primary_term: from.primaryTerm,
        // Searchable at once: the officer's next list and every replay must see the move, and
        // waiting for the periodic refresh would hold the key press up to a second.
        refresh: true,
      });
    } catch (error) {
      if ((error as { meta?: { statusCode?: number } }).meta?.statusCode === 409) throw new AlertVersionConflict(alert.id);
      throw error;
    }
  }
}
