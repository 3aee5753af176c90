import { itemsIndex, type EnrichedItem } from '@liaowang/contract';
import type { ElasticsearchClient } from '@liaowang/platform';
import { chooseHome, storedHomes, type ItemHome } from '../item-homes';

/** How long this process remembers where it wrote an id: far longer than the alias's 1 s refresh. */
const REMEMBER_MS = 30_000;

/**
 * Chooses the month index of each item before the bulk write (the one-document rule, see
 * docs/ARCHITECTURE.md): where the alias already holds the id, else the month of its publishedAt.
 * A search sees writes only after a refresh, so the writes of the last moments are remembered
 * here; when a partition's batch does not follow this process's last one (first batch after a
 * start, a rebalance, a retry), another process may have written since the refresh, so the
 * alias is refreshed first.
 */
export class ItemHomeResolver {
  private readonly written = new Map<string, { index: string; at: number }>();
  private readonly nextOffset = new Map<number, string>();

  constructor(
    private readonly es: ElasticsearchClient,
    private readonly now: () => number = Date.now,
  ) {}

  async resolve(items: readonly EnrichedItem[], batch: { partition: number; firstOffset: string }): Promise<Map<string, ItemHome>> {
    if (items.length === 0) return new Map();
    if (this.nextOffset.get(batch.partition) !== batch.firstOffset) {
      await this.es.indices.refresh({ index: itemsIndex.alias, ignore_unavailable: true, allow_no_indices: true });
    }
    const stored = await storedHomes(this.es, items.map((i) => i.id));
    const homes = new Map<string, ItemHome>();
    for (const item of items) {
      const remembered = this.written.get(item.id)?.index;
      const known = [...(stored.get(item.id) ?? []), ...(remembered ? [remembered] : [])];
      homes.set(item.id, chooseHome(item.publishedAt, known));
    }
    return homes;
  }

  /** After Elasticsearch acknowledged the batch: what was written where, and where the partition goes on. */
  remember(homes: ReadonlyMap<string, ItemHome>, batch: { partition: number; nextOffset: string }): void {
    const at = this.now();
    for (const [id, home] of homes) {
      this.written.delete(id);
      this.written.set(id, { index: home.index, at });
    }
    // Insertion order is time order: drop from the front what any search now sees.
    for (const [id, entry] of this.written) {
      if (at - entry.at < REMEMBER_MS) break;
      this.written.delete(id);
    }
    this.nextOffset.set(batch.partition, batch.nextOffset);
  }
}
