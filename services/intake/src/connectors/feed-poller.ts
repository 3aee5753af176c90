import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import {
  CONNECTOR_POLL_INTERVAL_MS,
  FEEDS_INDEX_NAME,
  feedConnectorId,
  rawItemFor,
  validateItemIntake,
  type Feed,
  type RawItem,
} from '@liaowang/contract';
import { ELASTICSEARCH, LOGGER, SETTINGS, type ElasticsearchClient, type Logger, type Settings } from '@liaowang/platform';
import Parser from 'rss-parser';
import { ItemIntakeService } from '../items/item-intake.service';
import { ConnectorMetrics } from './connector-metrics';
import { ConnectorStatusBook } from './connector-status.book';
import { entryMatches, mentionPayloadFor, nextPollDelayMs, type FeedEntry } from './feed-entries';
import { FEED_FETCH_LIMITS, fetchFeed, type FeedFetchLimits, type FeedValidators } from './feed-fetch';

/** What this instance remembers of a feed between polls. */
interface FeedState {
  nextPollAt: number;
  failures: number;
  validators: FeedValidators;
  polling: boolean;
}

// A duty office follows tens of feeds, not thousands.
const MAX_FEEDS = 1_000;

/**
 * RSS / Atom polling (R-ING-2): every poll interval the feeds are read from their index, and
 * each one due (its own interval, longer after errors) and not paused is fetched. Entries
 * naming a keyword go through the same intake as pushes; ETag / Last-Modified are kept only
 * once the entries are on Kafka, so a poll that failed is fetched whole again (nothing lost).
 */
@Injectable()
export class FeedPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly parser = new Parser();
  private readonly states = new Map<string, FeedState>();
  private limits: FeedFetchLimits = FEED_FETCH_LIMITS;
  private reading = false;

  constructor(
    @Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly intake: ItemIntakeService,
    private readonly connectors: ConnectorStatusBook,
    private readonly metrics: ConnectorMetrics,
    private readonly scheduler: SchedulerRegistry,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  onApplicationBootstrap(): void {
    this.scheduler.addInterval('feed-poller', setInterval(() => void this.tick(), CONNECTOR_POLL_INTERVAL_MS));
    void this.tick();
  }

  onApplicationShutdown(): void {
    if (this.scheduler.doesExist('interval', 'feed-poller')) this.scheduler.deleteInterval('feed-poller');
  }

  /** Reads the feeds and starts the polls that are due; a slow feed does not hold the others. */
  async tick(now = Date.now()): Promise<void> {
    if (this.reading) return;
    this.reading = true;
    let feeds: Feed[];
    try {
      const result = await this.es.search<Feed>({ index: FEEDS_INDEX_NAME, ignore_unavailable: true, size: MAX_FEEDS });
      feeds = result.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : []));
    } catch (error) {
      this.logger.warn({ err: error }, 'feeds not read; tried again next interval');
      return;
    } finally {
      this.reading = false;
    }
    const known = new Set(feeds.map((feed) => feed.id));
    for (const id of this.states.keys()) {
      if (known.has(id)) continue;
      this.states.delete(id);
      this.connectors.forget(feedConnectorId(id));
    }
    for (const feed of feeds) {
      const connector = feedConnectorId(feed.id);
      this.connectors.register(connector, 'feed', `${feed.platform} · ${feed.url}`);
      const state = this.stateOf(feed.id);
      if (state.polling || state.nextPollAt > now || this.connectors.isPaused(connector)) continue;
      state.polling = true;
      void this.poll(feed, state).finally(() => (state.polling = false));
    }
  }

  private stateOf(id: string): FeedState {
    let state = this.states.get(id);
    if (!state) {
      state = { nextPollAt: 0, failures: 0, validators: {}, polling: false };
      this.states.set(id, state);
    }
    return state;
  }

  private async poll(feed: Feed, state: FeedState): Promise<void> {
    const connector = feedConnectorId(feed.id);
    const started = process.hrtime.bigint();
    let outcome = 'error';
    try {
      const fetched = await fetchFeed(feed.url, state.validators, this.limits, { allowPrivateAddresses: this.settings.FEEDS_ALLOW_PRIVATE_ADDRESSES });
      outcome = fetched.notModified ? 'not_modified' : 'ok';
      this.metrics.fetchSeconds.observe({ connector, outcome }, Number(process.hrtime.bigint() - started) / 1e9);
      if (!fetched.notModified) {
        const parsed = await this.parser.parseString(fetched.body).catch((error: Error) => {
          throw new Error(`not an RSS or Atom feed: ${error.message}`);
        });
        await this.take(feed, (parsed.items ?? []) as FeedEntry[], parsed.title);
        state.validators = fetched.validators;
      }
      state.failures = 0;
      this.connectors.ran(connector);
    } catch (error) {
      if (outcome === 'error') this.metrics.fetchSeconds.observe({ connector, outcome }, Number(process.hrtime.bigint() - started) / 1e9);
      state.failures += 1;
      const reason = reasonOf(error);
      this.connectors.ran(connector, reason);
      this.logger.warn({ feed: feed.id, url: feed.url, failures: state.failures, reason }, 'feed poll failed');
    } finally {
      state.nextPollAt = Date.now() + nextPollDelayMs(feed.intervalSeconds * 1000, state.failures);
    }
  }

  /** Entries → mentions: skipped when they name no keyword, rejected when the contract refuses them. */
  private async take(feed: Feed, entries: FeedEntry[], feedTitle: string | undefined): Promise<void> {
    const connector = feedConnectorId(feed.id);
    const source = connector as `feed:${string}`;
    const items: RawItem[] = [];
    let skipped = 0;
    let rejected = 0;
    for (const entry of entries) {
      if (!entryMatches(entry, feed.keywords)) {
        skipped += 1;
        continue;
      }
      const payload = mentionPayloadFor(entry, feed, feedTitle);
      const validation = validateItemIntake('mention', payload);
      if (validation.ok) items.push(rawItemFor(validation.item, entry));
      else {
        rejected += 1;
        this.logger.info({ feed: feed.id, entry: payload.sourceId, errors: validation.errors }, 'feed entry refused');
      }
    }
    this.connectors.count(connector, 'skipped', skipped);
    if (rejected > 0) this.intake.countRejected('mention', source, rejected);
    // A 503 here (Kafka down, connector paused meanwhile) fails the poll: it is fetched again.
    if (items.length > 0) await this.intake.accept(items, source);
  }
}

/** Why a poll failed, in words: a refusal by intake (Kafka down, paused) gives its problem detail. */
function reasonOf(error: unknown): string {
  const detail = (error as { problem?: { detail?: string } } | null)?.problem?.detail;
  if (detail) return detail;
  return error instanceof Error ? error.message : String(error);
}
