import { Inject, Injectable } from '@nestjs/common';
import { SAVED_SEARCHES_INDEX_NAME, type SavedSearch } from '@liaowang/contract';
import { ELASTICSEARCH, type ElasticsearchClient } from '@liaowang/platform';

const LISTED = 200;

/** Saved searches of record, one document each, found by owner. */
@Injectable()
export class SavedSearchRepository {
  constructor(@Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient) {}

  async listOf(owner: string): Promise<SavedSearch[]> {
    const result = await this.es.search<SavedSearch>({
      index: SAVED_SEARCHES_INDEX_NAME,
      ignore_unavailable: true,
      size: LISTED,
      query: { term: { owner } },
      sort: [{ createdAt: 'desc' }, { id: 'asc' }],
    });
    return result.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : []));
  }

  async find(id: string): Promise<SavedSearch | null> {
    const doc = await this.es.get<SavedSearch>({ index: SAVED_SEARCHES_INDEX_NAME, id }, { ignore: [404] });
    return doc.found && doc._source ? doc._source : null;
  }

  // refresh: the page lists the saved searches right after saving one.
  async save(search: SavedSearch): Promise<void> {
    await this.es.index({ index: SAVED_SEARCHES_INDEX_NAME, id: search.id, document: search, refresh: 'wait_for' });
  }

  async remove(id: string): Promise<void> {
    await this.es.delete({ index: SAVED_SEARCHES_INDEX_NAME, id, refresh: 'wait_for' }, { ignore: [404] });
  }
}
