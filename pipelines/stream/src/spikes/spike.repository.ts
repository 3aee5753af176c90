import { spikesIndex, spikesIndexFor, type Spike } from '@liaowang/contract';
import type { ElasticsearchClient } from '@liaowang/platform';

/** The spikes index: one document per series and window, created once. */
export class SpikeRepository {
  constructor(private readonly es: ElasticsearchClient) {}

  /** Creates the spike's document; false when the window was already recorded (a re-evaluation). */
  async create(spike: Spike): Promise<boolean> {
    try {
      await this.es.create({ index: spikesIndexFor(spike.window.from), id: spike.id, document: { ...spike, announced: false }, refresh: 'wait_for' });
      return true;
    } catch (error) {
      if ((error as { meta?: { statusCode?: number } }).meta?.statusCode === 409) return false;
      throw error;
    }
  }

  async markAnnounced(spike: Spike): Promise<void> {
    await this.es.update({ index: spikesIndexFor(spike.window.from), id: spike.id, doc: { announced: true } });
  }

  /** Spikes written but not yet on the topic (a crash between the two): sent again at the next tick. */
  async unannounced(detectedBefore: Date): Promise<Spike[]> {
    const response = await this.es.search<Spike & { announced?: boolean }>({
      index: spikesIndex.alias,
      size: 100,
      query: { bool: { filter: [{ term: { announced: false } }, { range: { detectedAt: { lt: detectedBefore.toISOString() } } }] } },
      sort: [{ detectedAt: 'asc' }],
      ignore_unavailable: true,
      allow_no_indices: true,
    });
    return response.hits.hits.map((hit) => {
      const { announced: _announced, ...spike } = hit._source!;
      return spike;
    });
  }
}
