import { Inject, Injectable } from '@nestjs/common';
import { NOTIFY_CHANNELS_INDEX_NAME, type StoredNotifyChannel } from '@liaowang/contract';
import { ELASTICSEARCH, foundDocs, type ElasticsearchClient } from '@liaowang/platform';

// A duty office has a handful of robots and receivers.
const MAX_CHANNELS = 1_000;

/** Outbound notice channels of record, secrets included: only this API reads them. */
@Injectable()
export class NotifyChannelRepository {
  constructor(@Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient) {}

  async list(): Promise<StoredNotifyChannel[]> {
    const result = await this.es.search<StoredNotifyChannel>({
      index: NOTIFY_CHANNELS_INDEX_NAME,
      ignore_unavailable: true,
      size: MAX_CHANNELS,
      sort: [{ createdAt: 'asc' }],
    });
    return result.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : []));
  }

  async find(id: string): Promise<StoredNotifyChannel | null> {
    const doc = await this.es.get<StoredNotifyChannel>({ index: NOTIFY_CHANNELS_INDEX_NAME, id }, { ignore: [404] });
    return doc.found && doc._source ? doc._source : null;
  }

  async findMany(ids: readonly string[]): Promise<StoredNotifyChannel[]> {
    if (ids.length === 0) return [];
    const result = await this.es.mget<StoredNotifyChannel>({ index: NOTIFY_CHANNELS_INDEX_NAME, ids: [...ids] });
    return foundDocs(result.docs, 'notify channel').map((doc) => doc.source);
  }

  async save(channel: StoredNotifyChannel): Promise<void> {
    await this.es.index({ index: NOTIFY_CHANNELS_INDEX_NAME, id: channel.id, document: channel, refresh: 'wait_for' });
  }
}
