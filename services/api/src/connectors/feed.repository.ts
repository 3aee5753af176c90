import { Inject, Injectable } from '@nestjs/common';
import { FEEDS_INDEX_NAME, type Feed } from '@liaowang/contract';
import { ELASTICSEARCH, type ElasticsearchClient } from '@liaowang/platform';

// A duty office follows tens of feeds (intake polls at most this many).
export const MAX_FEEDS = 1_000;

/** The RSS / Atom feeds of record; intake reads the same index every poll interval. */
@Injectable()
export class FeedRepository {
  constructor(@Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient) {}

  async list(): Promise<Feed[]> {
    const result = await this.es.search<Feed>({ index: FEEDS_INDEX_NAME, ignore_unavailable: true, size: MAX_FEEDS, sort: [{ createdAt: 'asc' }] });
    return result.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : []));
  }

  async count(): Promise<number> {
    return (await this.es.count({ index: FEEDS_INDEX_NAME })).count;
  }

  async find(id: string): Promise<Feed | null> {
    const doc = await this.es.get<Feed>({ index: FEEDS_INDEX_NAME, id }, { ignore: [404] });
    return doc.found && doc._source ? doc._source : null;
  }

  async save(feed: Feed): Promise<void> {
    await this.es.index({ index: FEEDS_INDEX_NAME, id: feed.id, document: feed, refresh: 'wait_for' });
  }

  async remove(id: string): Promise<void> {
    await this.es.delete({ index: FEEDS_INDEX_NAME, id, refresh: 'wait_for' }, { ignore: [404] });
  }
}
