import { LRUCache } from 'lru-cache';

/**
 * Ids this intake instance wrote to Kafka lately: a re-send that arrives before the first copy
 * is searchable is still known as a duplicate (R-ING-4). Bounded in count and age; what falls
 * out is still caught by the stored-ids check, and stored once by the id either way.
 */
export class RecentItemIds {
  private readonly ids: LRUCache<string, true>;

  constructor(max = 200_000, ttlMs = 15 * 60 * 1000) {
    this.ids = new LRUCache({ max, ttl: ttlMs });
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string): void {
    this.ids.set(id, true);
  }
}
