import type { Alert, AlertEvent } from '@liaowang/contract';

export type AlertFeedSend = (event: 'alerts:new' | 'alerts:updated', alert: Alert) => void;

// Cursors remembered per socket to send each alert once even across a late `alerts:since`.
const SENT_REMEMBERED = 5_000;

/**
 * What one socket receives of the alert stream (R-ALR-2, R-REL-4). While it catches up (from its
 * connection until its `alerts:since` was answered, or a short grace when it sends none) live
 * events are held back; the replay from the index goes first, then the held events, dropping any
 * `new` already sent. Each cursor goes out once, in ascending order: the recorder writes alerts in
 * cursor order and publishes each only after the index took it, so every live alert held back
 * during a replay is either in the replay or newer than all of it.
 */
export class AlertFeed {
  private held: AlertEvent[] | undefined = [];
  private readonly sent = new Set<number>();
  private lastSent = -1;

  constructor(private readonly send: AlertFeedSend) {}

  get catchingUp(): boolean {
    return this.held !== undefined;
  }

  /** An event from the alerts topic. */
  live(event: AlertEvent): void {
    if (this.held) this.held.push(event);
    else this.deliver(event, false);
  }

  /** Holds live events back until `finishCatchUp`. */
  startCatchUp(): void {
    this.held ??= [];
  }

  /** Sends the replayed alerts (ascending cursors), then what was held back, and goes live. */
  finishCatchUp(replayed: readonly Alert[] = []): number {
    let sent = 0;
    for (const alert of replayed) if (this.deliver({ event: 'new', alert }, true)) sent += 1;
    const held = this.held ?? [];
    this.held = undefined;
    for (const event of held) this.deliver(event, false);
    return sent;
  }

  private deliver(event: AlertEvent, replay: boolean): boolean {
    if (event.event === 'updated') {
      this.send('alerts:updated', event.alert);
      return true;
    }
    const { cursor } = event.alert;
    // A replay may reach below what went out live before a late `alerts:since`; live events never do.
    if (this.sent.has(cursor) || (!replay && cursor <= this.lastSent)) return false;
    this.remember(cursor);
    this.lastSent = Math.max(this.lastSent, cursor);
    this.send('alerts:new', event.alert);
    return true;
  }

  private remember(cursor: number): void {
    this.sent.add(cursor);
    if (this.sent.size > SENT_REMEMBERED) this.sent.delete(this.sent.values().next().value as number);
  }
}
