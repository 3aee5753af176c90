import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ALERT_REPLAY_LIMIT, alertEventSchema, alertsTopic, type AlertReplay } from '@liaowang/contract';
import { KAFKA, LOGGER, parseMessage, type KafkaPort, type Logger } from '@liaowang/platform';
import { randomUUID } from 'node:crypto';
import { AlertFeed, type AlertFeedSend } from './alert-feed';
import { AlertRepository } from './alert.repository';

// A dashboard sends `alerts:since` right after it connects; until then (at most this long) its
// live alerts wait, so a missed alert cannot overtake the replay.
export const ALERT_SINCE_GRACE_MS = 1_000;

/**
 * The alert stream of this API instance (R-ALR-2, R-REL-4): reads the alerts topic in a group of
 * its own from the latest offset, so every instance sees every event, and hands each event to the
 * feed of every socket that may read alerts. `alerts:since` replays from the alerts index.
 */
@Injectable()
export class AlertLiveService implements OnApplicationBootstrap {
  private readonly feeds = new Set<AlertFeed>();
  private readonly pending = new WeakMap<AlertFeed, Promise<unknown>>();

  constructor(
    private readonly alerts: AlertRepository,
    @Inject(KAFKA) private readonly kafka: KafkaPort,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.kafka.consume({
      stage: 'live-alerts',
      groupId: `liaowang-api-alerts-${randomUUID()}`,
      topic: alertsTopic,
      fromBeginning: false,
      handle: async (messages) => {
        for (const message of messages) {
          const parsed = parseMessage(message, alertEventSchema);
          if (!parsed.ok) {
            this.logger.warn({ offset: message.offset, reason: parsed.reason }, 'unreadable alert event');
            continue;
          }
          for (const feed of this.feeds) feed.live(parsed.value);
        }
      },
    });
  }

  /** A socket that may read alerts connected; its live alerts wait for `alerts:since` a moment. */
  open(send: AlertFeedSend): AlertFeed {
    const feed = new AlertFeed(send);
    this.feeds.add(feed);
    const grace = setTimeout(() => {
      if (!this.pending.has(feed)) feed.finishCatchUp();
    }, ALERT_SINCE_GRACE_MS);
    grace.unref();
    return feed;
  }

  close(feed: AlertFeed): void {
    this.feeds.delete(feed);
  }

  /** Replays what the socket missed after `cursor` (null: nothing), then lets live events through. */
  resume(feed: AlertFeed, cursor: number | null): Promise<AlertReplay> {
    // One catch-up at a time per socket, in the order asked.
    const previous = this.pending.get(feed) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.replay(feed, cursor));
    this.pending.set(feed, next);
    return next;
  }

  private async replay(feed: AlertFeed, cursor: number | null): Promise<AlertReplay> {
    feed.startCatchUp();
    if (cursor === null) {
      feed.finishCatchUp();
      return { replayed: 0, more: false };
    }
    try {
      const { alerts, more } = await this.alerts.since(cursor, ALERT_REPLAY_LIMIT);
      return { replayed: feed.finishCatchUp(alerts), more };
    } catch (error) {
      // Never leave a socket without its live stream; the client may ask again.
      feed.finishCatchUp();
      throw error;
    }
  }
}
