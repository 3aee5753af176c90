import { Inject, Injectable } from '@nestjs/common';
import { itemsIndex, type ItemDocument, type SessionUser } from '@liaowang/contract';
import {
  AUDIT_TRAIL,
  ELASTICSEARCH,
  ProblemException,
  type AuditRequestContext,
  type AuditTrail,
  type ElasticsearchClient,
} from '@liaowang/platform';

/** Raw evidence: an item unmasked, as stored. Every view is audited (R-SEC-2, 003 Art. 31). */
@Injectable()
export class ItemRawService {
  constructor(
    @Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient,
    @Inject(AUDIT_TRAIL) private readonly audit: AuditTrail,
  ) {}

  async view(id: string, viewer: SessionUser, context: AuditRequestContext): Promise<ItemDocument> {
    const response = await this.es.search<ItemDocument>({
      index: itemsIndex.alias,
      size: 1,
      query: { ids: { values: [id] } },
      ignore_unavailable: true,
      allow_no_indices: true,
    });
    const item = response.hits.hits[0]?._source;
    if (!item) {
      throw ProblemException.notFound(`No item ${id}`);
    }
    // Recorded before the answer leaves: if the trail cannot take it, the viewer sees nothing.
    await this.audit.append({
      actor: { username: viewer.username, role: viewer.role },
      action: 'items.raw.view',
      target: { type: 'item', id },
      outcome: 'success',
      ...context,
    });
    return item;
  }
}
