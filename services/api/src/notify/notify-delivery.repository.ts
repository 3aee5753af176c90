import { Inject, Injectable } from '@nestjs/common';
import { NOTIFY_DELIVERIES_INDEX_NAME, type NotifyDelivery, type NotifyDeliveryQuery } from '@liaowang/contract';
import { ELASTICSEARCH, type ElasticsearchClient } from '@liaowang/platform';

/** The record of every delivery attempt. */
@Injectable()
export class NotifyDeliveryRepository {
  constructor(@Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient) {}

  async record(delivery: NotifyDelivery): Promise<void> {
    await this.es.index({ index: NOTIFY_DELIVERIES_INDEX_NAME, id: delivery.id, document: delivery, op_type: 'create' });
  }

  /** Newest first. */
  async list(query: NotifyDeliveryQuery): Promise<NotifyDelivery[]> {
    const filter = [
      ...(query.channelId ? [{ term: { channelId: query.channelId } }] : []),
      ...(query.alertId ? [{ term: { alertId: query.alertId } }] : []),
      ...(query.caseId ? [{ term: { caseId: query.caseId } }] : []),
    ];
    const result = await this.es.search<NotifyDelivery>({
      index: NOTIFY_DELIVERIES_INDEX_NAME,
      ignore_unavailable: true,
      size: query.size,
      query: { bool: { filter } },
      sort: [{ at: 'desc' }, { attempt: 'desc' }],
    });
    return result.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : []));
  }
}
