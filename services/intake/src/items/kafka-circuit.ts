/**
 * Remembers that Kafka could not take a write, so intake answers 503 at once instead of letting
 * every request wait out the producer's retries (5–17 s each; a connector's whole pool stalls).
 * While open, one probe at a time checks the broker in the background; the first success closes it.
 */
export class KafkaCircuit {
  private openSince?: number;
  private probing = false;

  constructor(
    private readonly isReachable: () => Promise<boolean>,
    private readonly probeIntervalMs = 1_000,
    private readonly now = () => Date.now(),
  ) {}

  get isOpen(): boolean {
    return this.openSince !== undefined;
  }

  /** A write failed: answer 503 from now on until a probe reaches the broker. */
  open(): void {
    this.openSince ??= this.now();
    void this.probeUntilClosed();
  }

  /** A write went through (e.g. one that was already under way): the broker is back. */
  close(): void {
    this.openSince = undefined;
  }

  private async probeUntilClosed(): Promise<void> {
    if (this.probing) return;
    this.probing = true;
    try {
      while (this.isOpen) {
        await new Promise((resolve) => setTimeout(resolve, this.probeIntervalMs).unref());
        if (await this.isReachable().catch(() => false)) this.close();
      }
    } finally {
      this.probing = false;
    }
  }
}
