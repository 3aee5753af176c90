import { spikesIndex, spikesIndexFor, type Spike } from '@liaowang/contract';
import { foundIds, type ElasticsearchClient } from '@liaowang/platform';

/** The spikes index: one document per series and window, created once. */
export class SpikeRepository {
  constructor(private readonly es: ElasticsearchClient) {}

  /**
   * Creates the spikes' documents in one request, visible to search when it answers; returns
   * those created, leaving out each whose window was already recorded (a re-evaluation).
   */
  async createAll(spikes: readonly Spike[]): Promise<Spike[]> {
    if (spikes.length === 0) return [];
    const response = await this.es.bulk({
      refresh: 'wait_for',
      operations: spikes.flatMap((spike) => [{ create: { _index: spikesIndexFor(spike.window.from), _id: spike.id } }, { ...spike, announced: false }]),
    });
    const created: Spike[] = [];
    response.items.forEach((item, i) => {
      const result = item.create;
      if (result?.status === 201) created.push(spikes[i]!);
      else if (result?.status !== 409) throw new Error(`spike ${spikes[i]!.id} not recorded: ${result?.status} ${JSON.stringify(result?.error)}`);
    });
    return created;
  }

  /** The ids among these already recorded (their window was judged a spike at an earlier tick). */
  async recorded(spikes: readonly { id: string; windowFrom: string }[]): Promise<Set<string>> {
    if (spikes.length === 0) return new Set();
    const response = await this.es.mget({ docs: spikes.map((s) => ({ _index: spikesIndexFor(s.windowFrom), _id: s.id, _source: false })) });
    return new Set(foundIds(response.docs, 'spike'));
  }

  async markAnnounced(spikes: readonly Spike[]): Promise<void> {
    if (spikes.length === 0) return;
    const response = await this.es.bulk({
      operations: spikes.flatMap((spike) => [{ update: { _index: spikesIndexFor(spike.window.from), _id: spike.id } }, { doc: { announced: true } }]),
    });
    // Left unmarked, a spike is only announced again after a while (unannounced): logged by the caller's tick.
    if (response.errors) throw new Error('some spikes were announced but not marked so');
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
