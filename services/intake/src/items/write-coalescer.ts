/**
 * Joins the work of concurrent callers into one call: while a call is running, what arrives is
 * queued, and the next call takes all of it at once. Kafka's producer keeps one request in
 * flight (to keep each partition in order), so one send per HTTP request would cap intake at
 * one round trip per item; this way a send carries everything that came in meanwhile, in order.
 * Each caller's promise settles with the call that carried its items: its results, or its error.
 */
export class WriteCoalescer<T, R> {
  private queue: { items: T[]; resolve: (results: R[]) => void; reject: (error: unknown) => void }[] = [];
  private running = false;

  constructor(private readonly run: (items: T[]) => Promise<R[]>) {}

  submit(items: T[]): Promise<R[]> {
    if (items.length === 0) return Promise.resolve([]);
    const done = new Promise<R[]>((resolve, reject) => this.queue.push({ items, resolve, reject }));
    if (!this.running) void this.drain();
    return done;
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.queue.length > 0) {
      const callers = this.queue;
      this.queue = [];
      try {
        const results = await this.run(callers.flatMap((c) => c.items));
        let at = 0;
        for (const caller of callers) {
          caller.resolve(results.slice(at, at + caller.items.length));
          at += caller.items.length;
        }
      } catch (error) {
        for (const caller of callers) caller.reject(error);
      }
    }
    this.running = false;
  }
}
