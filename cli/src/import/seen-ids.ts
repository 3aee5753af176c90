/** Ids remembered by default: about 100 MB of memory at most (measured with a 1,000,000-line file), whatever the size of the file. */
export const SEEN_IDS_LIMIT = 1_000_000;

/**
 * The ids this run has already taken, in bounded memory: two generations of at most limit/2
 * each, the older dropped whole when the newer fills. So at least the last limit/2 ids are always
 * remembered; a repeat from further back is caught by the stored-id check once the first copy is
 * indexed, and otherwise costs one extra message (its id is the document id: still stored once).
 */
export class SeenIds {
  private older = new Set<string>();
  private newer = new Set<string>();

  constructor(private readonly limit = SEEN_IDS_LIMIT) {}

  has(id: string): boolean {
    return this.newer.has(id) || this.older.has(id);
  }

  add(id: string): void {
    if (this.newer.size >= this.limit / 2) {
      this.older = this.newer;
      this.newer = new Set();
    }
    this.newer.add(id);
  }

  get size(): number {
    return this.older.size + this.newer.size;
  }
}
