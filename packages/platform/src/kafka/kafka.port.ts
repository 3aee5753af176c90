import {
  Kafka,
  logLevel,
  Partitioners,
  type Admin,
  type Consumer,
  type Message,
  type Producer,
} from 'kafkajs';
import type { DeadLetter, TopicDefinition } from '@liaowang/contract';
import { deadLetterTopic } from '@liaowang/contract';
import type { Logger } from '../logging/logger';
import type { Metrics } from '../metrics/metrics';
import { backoffDelay, sleep } from './backoff';
import { chunkBySize } from './chunk-by-size';
import type { ConsumedMessage } from './consumed-message';
import { ConsumerLoopState, type ConsumerHealth } from './consumer-health';
import { partitionLags, type ConsumerLag } from './consumer-lag';

// The broker refuses a record batch over message.max.bytes (1 MiB by default), and a consumed
// batch of thousands of enriched items is bigger than that: send in requests of at most this.
const MAX_REQUEST_BYTES = 512 * 1024;
/** Largest message our topics take (their max.message.bytes); a bigger one is refused before sending. */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
// Key, headers and record framing share the limit with the value.
const MESSAGE_OVERHEAD_BYTES = 16 * 1024;
// A dead letter keeps this much of an oversized value; the whole stays on the source topic.
const DEAD_LETTER_VALUE_BYTES = 64 * 1024;

/** Thrown by `send`/`sendRaw`, before anything is sent, when some messages exceed MAX_MESSAGE_BYTES. */
export class MessageTooLargeError extends Error {
  constructor(
    readonly topic: string,
    readonly oversized: readonly { index: number; bytes: number }[],
  ) {
    super(`${oversized.length} message(s) over the ${MAX_MESSAGE_BYTES}-byte limit of ${topic}`);
  }
}

/** The first bytes of a UTF-8 buffer as text, cut before a character rather than through one. */
function utf8Head(buffer: Buffer, maxBytes: number): string {
  let end = Math.min(buffer.length, maxBytes);
  // 0b10xxxxxx bytes continue a character: step back to where one starts.
  while (end > 0 && end < buffer.length && (buffer[end] & 0xc0) === 0x80) end--;
  return buffer.subarray(0, end).toString('utf8');
}

const byteLength = (value: Message['value'] | Message['key']): number =>
  value == null ? 0 : typeof value === 'string' ? Buffer.byteLength(value) : value.length;

export interface BatchContext {
  topic: string;
  partition: number;
  /** Keeps the consumer in its group during long work (e.g. waiting for Elasticsearch). */
  heartbeat(): Promise<void>;
  isRunning(): boolean;
}

export interface ConsumeOptions {
  /** Stage name for logs and metrics. */
  stage: string;
  groupId: string;
  /** One topic, or several read by one group (e.g. the raw topic of each kind of item). */
  topic: TopicDefinition<unknown> | readonly TopicDefinition<unknown>[];
  fromBeginning?: boolean;
  /** How long the group waits for a silent member before it takes its partitions away (default 30 s). */
  sessionTimeoutMs?: number;
  /**
   * Most bytes fetched from one partition at a time (default 1 MiB), which bounds a batch: a stage
   * with a fixed cost per batch (a refresh) takes larger ones to spread it over more messages.
   */
  maxBatchBytes?: number;
  /**
   * Handles one batch. Must return only when every message is done: forwarded, written or
   * dead-lettered. Throwing means "retry the whole batch later" (R-REL-1: at-least-once).
   */
  handle(messages: ConsumedMessage[], context: BatchContext): Promise<void>;
}

/** Bytes fetched from one partition at a time, unless a stage asks for more (ConsumeOptions.maxBatchBytes). */
const DEFAULT_BATCH_BYTES = 1024 * 1024;
/** Partitions whose batches a consumer handles at once. */
const PARTITIONS_AT_ONCE = 3;

/**
 * Our one door to Kafka (STYLE habit 5): kafkajs is in maintenance, so nothing else imports it.
 * Producers write with acks=all, so a 2xx from intake means the item is durable (R-REL-2).
 */
export class KafkaPort {
  private readonly kafka: Kafka;
  private producerPromise?: Promise<Producer>;
  private readonly consumers: Consumer[] = [];
  private readonly loops: { state: ConsumerLoopState; topics: string[]; fromBeginning: boolean }[] = [];
  private lagAdminPromise?: Promise<Admin>;

  constructor(
    brokers: string[],
    clientId: string,
    private readonly logger: Logger,
    private readonly metrics?: Metrics,
  ) {
    this.kafka = new Kafka({
      clientId,
      brokers,
      connectionTimeout: 3_000,
      retry: { retries: 5, initialRetryTime: 200 },
      logLevel: logLevel.WARN,
      logCreator: () => ({ namespace, level, log }) => {
        const { message, ...extra } = log;
        const fn = level <= logLevel.ERROR ? 'error' : level === logLevel.WARN ? 'warn' : 'debug';
        this.logger[fn]({ namespace, ...extra }, message);
      },
    });
    metrics?.addConsumerLagSource(() => this.consumerLag());
  }

  /** Creates missing topics with their declared partitions and retention. */
  async ensureTopics(topics: readonly TopicDefinition<unknown>[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = topics.filter((t) => !existing.has(t.name));
      if (missing.length > 0) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((t) => ({
            topic: t.name,
            numPartitions: t.partitions,
            replicationFactor: -1,
            configEntries: [
              { name: 'retention.ms', value: String(t.retentionMs) },
              { name: 'max.message.bytes', value: String(MAX_MESSAGE_BYTES) },
            ],
          })),
        });
      }
    } finally {
      await admin.disconnect();
    }
  }

  /** Answers whether the cluster is reachable (readiness). */
  async isReachable(): Promise<boolean> {
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      await admin.describeCluster();
      return true;
    } catch {
      return false;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  async send<T>(topic: TopicDefinition<T>, messages: { key: string; value: T }[]): Promise<void> {
    if (messages.length === 0) return;
    await this.sendRaw(
      topic.name,
      messages.map((m) => ({ key: m.key, value: JSON.stringify(m.value) })),
    );
  }

  async sendRaw(topic: string, messages: Message[]): Promise<void> {
    // The broker would refuse these, and a retried batch would then stall its partition forever.
    const oversized = messages
      .map((message, index) => ({ index, bytes: byteLength(message.value) + byteLength(message.key) }))
      .filter(({ bytes }) => bytes > MAX_MESSAGE_BYTES - MESSAGE_OVERHEAD_BYTES);
    if (oversized.length > 0) throw new MessageTooLargeError(topic, oversized);
    const producer = await this.producer();
    for (const chunk of chunkBySize(messages, MAX_REQUEST_BYTES)) await producer.send({ topic, messages: chunk, acks: -1 });
  }

  /** Parks a message that cannot be processed, with the reason (R-ING-3). */
  async deadLetter(stage: string, source: { topic: string; partition: number }, message: ConsumedMessage, reason: string) {
    const bytes = message.value?.length ?? 0;
    const truncated = bytes > DEAD_LETTER_VALUE_BYTES;
    const record: DeadLetter = {
      sourceTopic: source.topic,
      partition: source.partition,
      offset: message.offset,
      stage,
      reason,
      value: message.value ? utf8Head(message.value, DEAD_LETTER_VALUE_BYTES) : null,
      ...(truncated ? { valueTruncatedFromBytes: bytes } : {}),
      key: message.key ? utf8Head(message.key, DEAD_LETTER_VALUE_BYTES) : null,
      failedAt: new Date().toISOString(),
    };
    this.logger.warn({ stage, offset: message.offset, reason }, 'dead-lettered');
    this.metrics?.stageMessages.inc({ stage, outcome: 'dead_lettered' });
    this.metrics?.deadLetters.inc({ stage, source_topic: source.topic });
    await this.send(deadLetterTopic, [{ key: record.key ?? record.sourceTopic, value: record }]);
  }

  /** Runs a consumer that commits offsets only after its handler finished a batch. */
  async consume(options: ConsumeOptions): Promise<Consumer> {
    const sessionTimeout = options.sessionTimeoutMs ?? 30_000;
    const heartbeatInterval = Math.min(3_000, Math.floor(sessionTimeout / 3));
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      sessionTimeout,
      heartbeatInterval,
      maxBytesPerPartition: options.maxBatchBytes ?? DEFAULT_BATCH_BYTES,
      // One fetch may hold a full batch of every partition handled at once.
      maxBytes: Math.max(10 * 1024 * 1024, PARTITIONS_AT_ONCE * (options.maxBatchBytes ?? DEFAULT_BATCH_BYTES)),
    });
    this.consumers.push(consumer);
    const topics = Array.isArray(options.topic) ? options.topic : [options.topic];
    // Liveness counts a batch running past twice the session timeout as stuck (R-REL-1).
    const loop = new ConsumerLoopState(options.stage, options.groupId, 2 * sessionTimeout, Date.now());
    this.loops.push({ state: loop, topics: topics.map((t: TopicDefinition<unknown>) => t.name), fromBeginning: options.fromBeginning ?? true });
    const { events } = consumer;
    for (const event of [events.FETCH_START, events.FETCH, events.CONNECT, events.REBALANCING]) {
      consumer.on(event, () => loop.activity(Date.now()));
    }
    consumer.on(events.GROUP_JOIN, () => loop.joinedGroup(Date.now()));
    for (const event of [events.REBALANCING, events.STOP, events.DISCONNECT]) consumer.on(event, () => loop.leftGroup());
    consumer.on(events.CRASH, ({ payload }) => loop.crashedOut(payload.restart, Date.now()));
    await consumer.connect();
    await consumer.subscribe({ topics: topics.map((t: TopicDefinition<unknown>) => t.name), fromBeginning: options.fromBeginning ?? true });
    await consumer.run({
      // Batches of different partitions overlap, so one waits on Elasticsearch or on produce
      // acks while another uses the CPU; order within a partition is kept.
      partitionsConsumedConcurrently: PARTITIONS_AT_ONCE,
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, heartbeat, isRunning, isStale, resolveOffset }) => {
        if (batch.messages.length === 0) return;
        const context: BatchContext = {
          topic: batch.topic,
          partition: batch.partition,
          heartbeat,
          isRunning: () => isRunning() && !isStale(),
        };
        const endTimer = this.metrics?.batchSeconds.startTimer({ stage: options.stage });
        // Retry transient failures here, with back-off, rather than letting kafkajs restart
        // the consumer: the batch stays uncommitted until it succeeds (R-REL-2).
        for (let attempt = 0; ; attempt++) {
          try {
            await tracked(loop, () => whileBeating(heartbeat, heartbeatInterval, () => options.handle(batch.messages, context)));
            break;
          } catch (error) {
            if (!context.isRunning()) return;
            const delay = backoffDelay(attempt);
            this.logger.warn({ err: error, topic: batch.topic, attempt, delay }, 'batch failed; retrying');
            this.metrics?.batchRetries.inc({ stage: options.stage });
            await sleep(delay);
            await heartbeat().catch(() => undefined);
          }
        }
        const last = batch.messages[batch.messages.length - 1].offset;
        resolveOffset(last);
        // With autoCommit off, commitOffsetsIfNecessary() commits nothing: commit explicitly.
        // The committed offset is the next one to read.
        await consumer.commitOffsets([
          { topic: batch.topic, partition: batch.partition, offset: (BigInt(last) + 1n).toString() },
        ]);
        endTimer?.();
        this.metrics?.stageMessages.inc({ stage: options.stage, outcome: 'consumed' }, batch.messages.length);
      },
    });
    return consumer;
  }

  /** The state of each consumer's loop, for liveness and readiness (R-REL-1). */
  consumerHealth(): ConsumerHealth[] {
    return this.loops.map((l) => l.state.snapshot());
  }

  /**
   * Lag of every group this port consumes for, on every partition of its topics: the high
   * watermarks against the committed offsets, asked of the cluster (not the consumers' own view),
   * so a stuck or absent member's lag shows too. Empty when Kafka does not answer.
   */
  async consumerLag(): Promise<ConsumerLag[]> {
    if (this.loops.length === 0) return [];
    try {
      const admin = await this.lagAdmin();
      const topics = [...new Set(this.loops.flatMap((l) => l.topics))];
      const offsets = new Map(await Promise.all(topics.map(async (t) => [t, await admin.fetchTopicOffsets(t)] as const)));
      const groups = new Map(this.loops.map((l) => [l.state.groupId, l]));
      const perGroup = await Promise.all(
        [...groups].map(async ([groupId, l]) => {
          const committed = await admin.fetchOffsets({ groupId, topics: l.topics });
          return committed.flatMap((c) => partitionLags(groupId, c.topic, offsets.get(c.topic) ?? [], c.partitions, l.fromBeginning));
        }),
      );
      return perGroup.flat();
    } catch (error) {
      this.logger.debug({ err: error }, 'consumer lag unknown: Kafka did not answer');
      const stale = this.lagAdminPromise;
      this.lagAdminPromise = undefined;
      await stale?.then((a) => a.disconnect()).catch(() => undefined);
      return [];
    }
  }

  async disconnect(): Promise<void> {
    await Promise.allSettled(this.consumers.map((c) => c.disconnect()));
    if (this.lagAdminPromise) await this.lagAdminPromise.then((a) => a.disconnect()).catch(() => undefined);
    if (this.producerPromise) await (await this.producerPromise).disconnect();
  }

  /** One admin connection for the lag scrapes; no retries, so a scrape with Kafka down ends soon. */
  private lagAdmin(): Promise<Admin> {
    this.lagAdminPromise ??= (async () => {
      const admin = this.kafka.admin({ retry: { retries: 0 } });
      await admin.connect();
      return admin;
    })();
    return this.lagAdminPromise;
  }

  private producer(): Promise<Producer> {
    this.producerPromise ??= (async () => {
      // Bounded retries, so a caller learns within seconds that Kafka is down (503) instead of
      // waiting forever; kafkajs's idempotent producer wants unbounded ones. A retried send may
      // duplicate a message, which the id-keyed writes downstream absorb. One request in flight
      // keeps each partition in order.
      const producer = this.kafka.producer({
        idempotent: false,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      return producer;
    })();
    return this.producerPromise;
  }
}

/** Runs one handler attempt, marked as running in the loop's state while it does. */
async function tracked<T>(loop: ConsumerLoopState, work: () => Promise<T>): Promise<T> {
  const attempt = loop.attemptStarted(Date.now());
  try {
    return await work();
  } finally {
    loop.attemptEnded(attempt, Date.now());
  }
}

/**
 * Runs `work` while heartbeating the group every `intervalMs`: a batch that takes longer than the
 * session timeout (a slow Elasticsearch, a stage that writes item by item) must not cost the
 * member its partitions, or the commit after it fails and the batch is handled twice.
 */
async function whileBeating<T>(heartbeat: () => Promise<void>, intervalMs: number, work: () => Promise<T>): Promise<T> {
  const timer = setInterval(() => void heartbeat().catch(() => undefined), intervalMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
