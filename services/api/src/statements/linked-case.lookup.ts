import { Inject, Injectable } from '@nestjs/common';
import { CASES_INDEX_NAME, type Case, type LinkedCaseLine } from '@liaowang/contract';
import { ELASTICSEARCH, type ElasticsearchClient } from '@liaowang/platform';

/**
 * The case an alert or item is linked to, with its agreed line (统一口径, 004 Art. 12), so that
 * whoever opens the alert answers the public with the released text. The newest case wins.
 */
@Injectable()
export class LinkedCaseLookup {
  constructor(@Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient) {}

  async forAlert(alertId: string): Promise<LinkedCaseLine | undefined> {
    return this.first({ term: { 'links.alertIds': alertId } });
  }

  async forItem(itemId: string): Promise<LinkedCaseLine | undefined> {
    return this.first({ term: { 'links.itemIds': itemId } });
  }

  private async first(query: Record<string, unknown>): Promise<LinkedCaseLine | undefined> {
    const result = await this.es.search<Pick<Case, 'id' | 'title' | 'agreedLine'>>({
      index: CASES_INDEX_NAME,
      size: 1,
      query,
      sort: [{ openedAt: 'desc' }],
      _source: ['id', 'title', 'agreedLine'],
      ignore_unavailable: true,
      allow_no_indices: true,
    });
    const found = result.hits.hits[0]?._source;
    return found
      ? { id: found.id, title: found.title, ...(found.agreedLine ? { agreedLine: found.agreedLine } : {}) }
      : undefined;
  }
}
