import { Inject, Injectable } from '@nestjs/common';
import { HANDOVERS_INDEX_NAME, type Handover } from '@liaowang/contract';
import { ELASTICSEARCH, type ElasticsearchClient } from '@liaowang/platform';

export interface VersionedHandover {
  handover: Handover;
  seqNo: number;
  primaryTerm: number;
}

/** The handover changed since it was read (confirmed meanwhile). */
export class HandoverVersionConflict extends Error {}

/** Handovers of record (handovers index). */
@Injectable()
export class HandoverRepository {
  constructor(@Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient) {}

  async create(handover: Handover): Promise<void> {
    await this.es.create({ index: HANDOVERS_INDEX_NAME, id: handover.id, document: handover, refresh: 'wait_for' });
  }

  async find(id: string): Promise<VersionedHandover | null> {
    const doc = await this.es.get<Handover>({ index: HANDOVERS_INDEX_NAME, id }, { ignore: [404] });
    if (!doc.found || !doc._source || doc._seq_no === undefined || doc._primary_term === undefined) return null;
    return { handover: doc._source, seqNo: doc._seq_no, primaryTerm: doc._primary_term };
  }

  async replace(from: VersionedHandover, handover: Handover): Promise<void> {
    try {
      await this.es.index({
        index: HANDOVERS_INDEX_NAME,
        id: handover.id,
        document: handover,
        if_seq_no: from.seqNo,
        if_primary_term: from.primaryTerm,
        refresh: 'wait_for',
      });
    } catch (error) {
      if ((error as { meta?: { statusCode?: number } }).meta?.statusCode === 409) throw new HandoverVersionConflict(handover.id);
      throw error;
    }
  }

  async newest(limit: number): Promise<Handover[]> {
    const result = await this.es.search<Handover>({ index: HANDOVERS_INDEX_NAME, size: limit, sort: [{ writtenAt: 'desc' }, { id: 'desc' }] });
    return result.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : []));
  }
}
