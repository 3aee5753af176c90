import { Inject, Injectable } from '@nestjs/common';
import { SILENCES_INDEX_NAME, type Silence } from '@liaowang/contract';
import { ELASTICSEARCH, type ElasticsearchClient } from '@liaowang/platform';

const LISTED = 500;

/** Silences of record; a lifted one is kept, with who lifted it. */
@Injectable()
export class SilenceRepository {
  constructor(@Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient) {}

  /** Newest first. */
  async list(): Promise<Silence[]> {
    const result = await this.es.search<Silence>({ index: SILENCES_INDEX_NAME, ignore_unavailable: true, size: LISTED, sort: [{ createdAt: 'desc' }] });
    return result.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : []));
  }

  async find(id: string): Promise<Silence | null> {
    const doc = await this.es.get<Silence>({ index: SILENCES_INDEX_NAME, id }, { ignore: [404] });
    return doc.found && doc._source ? doc._source : null;
  }

  // refresh: the stream's rule book reads silences by search, and should see this on its next poll.
  async save(silence: Silence): Promise<void> {
    await this.es.index({ index: SILENCES_INDEX_NAME, id: silence.id, document: silence, refresh: 'wait_for' });
  }
}
