import { Inject, Injectable } from '@nestjs/common';
import {
  itemDocumentSummary,
  itemsIndex,
  storiesIndex,
  type ItemDocument,
  type ItemSummary,
  type Story,
  type StoryListQuery,
  type StorySummary,
} from '@liaowang/contract';
import { ELASTICSEARCH, type ElasticsearchClient } from '@liaowang/platform';

// What each sort means on the story documents the stream keeps (R-ENR-6).
const SORTS: Record<StoryListQuery['sort'], Record<string, 'desc'>[]> = {
  velocity: [{ 'velocity.current': 'desc' }, { lastSeen: 'desc' }],
  volume: [{ volume: 'desc' }, { lastSeen: 'desc' }],
  risk: [{ 'rumor.peak': 'desc' }, { lastSeen: 'desc' }],
};

/** Reads stories and their items; the stories stage of the stream is their only writer. */
@Injectable()
export class StoryRepository {
  constructor(@Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient) {}

  async list(query: StoryListQuery): Promise<StorySummary[]> {
    const response = await this.es.search<Story>({
      index: storiesIndex.alias,
      size: query.size,
      sort: SORTS[query.sort],
      ...(query.q ? { query: { match_phrase: { title: query.q } } } : {}),
      ignore_unavailable: true,
      allow_no_indices: true,
      _source: { excludes: ['fingerprints', 'bands'] },
    });
    return response.hits.hits.map((hit) => hit._source as StorySummary);
  }

  async find(id: string): Promise<StorySummary | undefined> {
    const response = await this.es.search<Story>({
      index: storiesIndex.alias,
      size: 1,
      query: { ids: { values: [id] } },
      ignore_unavailable: true,
      allow_no_indices: true,
      _source: { excludes: ['fingerprints', 'bands'] },
    });
    return response.hits.hits[0]?._source as StorySummary | undefined;
  }

  /** The story's newest items, masked (never the raw text: that is the audited raw view). */
  async items(storyId: string, size: number): Promise<ItemSummary[]> {
    const response = await this.es.search<ItemDocument>({
      index: itemsIndex.alias,
      size,
      query: { term: { storyId } },
      sort: [{ publishedAt: 'desc' }, { id: 'asc' }],
      ignore_unavailable: true,
      allow_no_indices: true,
    });
    return response.hits.hits.map((hit) => itemDocumentSummary(hit._source!));
  }
}
