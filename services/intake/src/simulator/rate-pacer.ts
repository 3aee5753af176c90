/**
 * How many posts are owed at a moment, by the time that passed: a tick skipped while a send was
 * in flight is made up at the next one, so a slow send costs no rate. At most `maxOwedMs` of
 * posts are owed, so an outage does not end in a burst the stream never had.
 */
export class RatePacer {
  private owed = 0;
  private last: number | undefined;

  constructor(private readonly maxOwedMs = 1_000) {}

  /** Adds what `perSecond` owes since the last call; answers the whole posts owed now and counts them as taken. */
  take(nowMs: number, perSecond: number): number {
    const elapsed = this.last === undefined ? 0 : Math.max(0, nowMs - this.last);
    this.last = nowMs;
    this.owed = Math.min(this.owed + (perSecond * elapsed) / 1000, (perSecond * this.maxOwedMs) / 1000);
    const count = Math.floor(this.owed);
    this.owed -= count;
    return count;
  }

  /** Forgets what was owed (paused: nothing is owed for the time it was off). */
  reset(): void {
    this.owed = 0;
    this.last = undefined;
  }
}
