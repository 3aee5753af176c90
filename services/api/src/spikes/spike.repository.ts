import { Inject, Injectable } from '@nestjs/common';
import { spikesIndex, type Spike, type SpikeListQuery, type SpikeListResponse } from '@liaowang/contract';
import { ELASTICSEARCH, type ElasticsearchClient, type EsTypes } from '@liaowang/platform';

/** Reads spikes; the stream's spike detector is their only writer. */
@Injectable()
export class SpikeRepository {
  constructor(@Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient) {}

  async list(query: SpikeListQuery): Promise<SpikeListResponse> {
    const filter: EsTypes.QueryDslQueryContainer[] = [];
    if (query.kind) filter.push({ term: { kind: query.kind } });
    if (query.since || query.until) filter.push({ range: { 'window.from': { ...(query.since ? { gte: query.since } : {}), ...(query.until ? { lt: query.until } : {}) } } });
    const response = await this.es.search<Spike & { announced?: boolean }>({
      index: spikesIndex.alias,
      from: query.from,
      size: query.size,
      query: { bool: { filter } },
      sort: [{ 'window.from': 'desc' }, { z: 'desc' }, { id: 'asc' }],
      track_total_hits: true,
      ignore_unavailable: true,
      allow_no_indices: true,
    });
    const total = typeof response.hits.total === 'number' ? response.hits.total : (response.hits.total?.value ?? 0);
    return {
      total,
      spikes: response.hits.hits.map((hit) => {
        const { announced: _announced, ...spike } = hit._source!;
        return spike;
      }),
    };
  }
}
