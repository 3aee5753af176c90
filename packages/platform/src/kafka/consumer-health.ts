/** What one consumer's loop looks like right now (R-REL-1): our own shape, no kafkajs types. */
export interface ConsumerHealth {
  stage: string;
  groupId: string;
  /** A member of its group with partitions assigned (or none to have): the loop can fetch. */
  joined: boolean;
  /** kafkajs gave up on the consumer and will not restart it: only a new process helps. */
  crashed: boolean;
  /** Last time the loop did something of its own: a fetch (empty ones too), a join, a batch attempt begun or ended. */
  lastActivityAt: number;
  /** Start of the oldest batch attempt still running, if any. */
  oldestAttemptStartedAt: number | null;
  /** Bound past which a silent loop or a running attempt counts as stuck. */
  stuckAfterMs: number;
}

export interface ConsumerLiveness {
  stage: string;
  groupId: string;
  live: boolean;
  /** Why not, when not live. */
  reason?: string;
}

/**
 * Liveness of one consumer: false once kafkajs stopped it for good, once one batch attempt has run
 * longer than the bound (a handler that never returns; the heartbeats it sends keep the member in
 * its group, so Kafka would never notice), or once the loop has neither fetched nor worked for that
 * long. An attempt that fails and is retried is progress, so a stage waiting out an Elasticsearch
 * outage stays live (and turns not ready instead).
 */
export function assessConsumerLiveness(consumer: ConsumerHealth, now: number): ConsumerLiveness {
  const { stage, groupId, stuckAfterMs } = consumer;
  if (consumer.crashed) return { stage, groupId, live: false, reason: 'the consumer crashed and will not restart' };
  if (consumer.oldestAttemptStartedAt !== null) {
    const running = now - consumer.oldestAttemptStartedAt;
    if (running > stuckAfterMs) {
      return { stage, groupId, live: false, reason: `a batch has been running for ${running} ms (bound ${stuckAfterMs} ms)` };
    }
    return { stage, groupId, live: true };
  }
  const silent = now - consumer.lastActivityAt;
  if (silent > stuckAfterMs) {
    return { stage, groupId, live: false, reason: `no fetch or batch for ${silent} ms (bound ${stuckAfterMs} ms)` };
  }
  return { stage, groupId, live: true };
}

/**
 * The mutable record behind a ConsumerHealth, fed by the consume loop and kafkajs's events. Time
 * comes from the caller, so the rules can be tested without a clock.
 */
export class ConsumerLoopState {
  private joined = false;
  private crashed = false;
  private lastActivityAt: number;
  private readonly attempts = new Map<number, number>();
  private nextAttempt = 0;

  constructor(
    readonly stage: string,
    readonly groupId: string,
    private readonly stuckAfterMs: number,
    now: number,
  ) {
    this.lastActivityAt = now;
  }

  /** A fetch started or answered, a rebalance or connect: the loop turns. */
  activity(now: number): void {
    this.lastActivityAt = now;
  }

  joinedGroup(now: number): void {
    this.joined = true;
    this.crashed = false;
    this.lastActivityAt = now;
  }

  /** Rebalancing, stopped or disconnected: no partitions until the next join. */
  leftGroup(): void {
    this.joined = false;
  }

  /** kafkajs crashed the consumer; with `restart` it tries again by itself, which is activity. */
  crashedOut(restart: boolean, now: number): void {
    this.joined = false;
    if (restart) this.lastActivityAt = now;
    else this.crashed = true;
  }

  /** A handler attempt begins; returns the token to end it with. */
  attemptStarted(now: number): number {
    const token = this.nextAttempt++;
    this.attempts.set(token, now);
    this.lastActivityAt = now;
    return token;
  }

  attemptEnded(token: number, now: number): void {
    this.attempts.delete(token);
    this.lastActivityAt = now;
  }

  snapshot(): ConsumerHealth {
    let oldest: number | null = null;
    for (const startedAt of this.attempts.values()) if (oldest === null || startedAt < oldest) oldest = startedAt;
    return {
      stage: this.stage,
      groupId: this.groupId,
      joined: this.joined,
      crashed: this.crashed,
      lastActivityAt: this.lastActivityAt,
      oldestAttemptStartedAt: oldest,
      stuckAfterMs: this.stuckAfterMs,
    };
  }
}
