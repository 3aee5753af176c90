import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ConsumerLag } from '../kafka/consumer-lag';

// A scrape does not wait longer than this for Kafka to tell the offsets; the lag is left out instead.
const LAG_SCRAPE_TIMEOUT_MS = 3_000;

/**
 * Prometheus metrics of one process (R-OPS-4): throughput and outcomes by stage, batch latency,
 * and the Node defaults. One registry per process, made on first use.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly itemsAccepted = new Counter({
    name: 'liaowang_items_accepted_total',
    help: 'Items written to the raw topic, by source',
    labelNames: ['source'],
    registers: [this.registry],
  });

  readonly intakeItems = new Counter({
    name: 'liaowang_intake_items_total',
    help: 'Items offered to intake, by kind, raw topic, source and outcome (accepted: on Kafka; rejected: invalid, 4xx; duplicate: received before, stored once; unavailable: Kafka could not take it, 503; dead_lettered: parked by a stream stage, source = the stage)',
    labelNames: ['kind', 'topic', 'source', 'outcome'],
    registers: [this.registry],
  });

  readonly deadLetters = new Counter({
    name: 'liaowang_dead_letters_total',
    help: 'Messages parked on the dead-letter topic, by stage and the topic they came from',
    labelNames: ['stage', 'source_topic'],
    registers: [this.registry],
  });

  readonly stageMessages = new Counter({
    name: 'liaowang_stage_messages_total',
    help: 'Messages handled by a stream stage, by outcome (consumed, dead_lettered)',
    labelNames: ['stage', 'outcome'],
    registers: [this.registry],
  });

  readonly batchSeconds = new Histogram({
    name: 'liaowang_batch_duration_seconds',
    help: 'Time to handle one consumed batch, retries included',
    labelNames: ['stage'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly batchRetries = new Counter({
    name: 'liaowang_batch_retries_total',
    help: 'Batches retried after a transient failure (e.g. Elasticsearch unavailable)',
    labelNames: ['stage'],
    registers: [this.registry],
  });

  readonly backups = new Counter({
    name: 'liaowang_backups_total',
    help: 'Scheduled snapshots of the record indices, by outcome (success, skipped: another ran, failure)',
    labelNames: ['outcome'],
    registers: [this.registry],
  });

  readonly alertOutcomes = new Counter({
    name: 'liaowang_alert_outcomes_total',
    help: 'Alert work by stage and outcome (evaluator: triggered; recorder: new, grouped, duplicate)',
    labelNames: ['stage', 'outcome'],
    registers: [this.registry],
  });

  readonly alertRules = new Gauge({
    name: 'liaowang_alert_rules',
    help: 'Enabled alert rules the evaluator holds, by state (compiled, skipped: did not compile)',
    labelNames: ['state'],
    registers: [this.registry],
  });

  private readonly lagSources: (() => Promise<ConsumerLag[]>)[] = [];

  /** Computed at each scrape from the sources (the Kafka port of each consuming process). */
  readonly consumerLag = new Gauge({
    name: 'liaowang_consumer_lag',
    help: 'Messages a consumer group has not committed yet, by group, topic and partition (high watermark minus committed offset); absent while Kafka does not answer',
    labelNames: ['group', 'topic', 'partition'],
    registers: [this.registry],
    collect: async () => {
      const answers = await Promise.all(this.lagSources.map((source) => withinTime(source(), LAG_SCRAPE_TIMEOUT_MS)));
      this.consumerLag.reset();
      for (const rows of answers) {
        for (const row of rows ?? []) {
          this.consumerLag.set({ group: row.groupId, topic: row.topic, partition: String(row.partition) }, row.lag);
        }
      }
    },
  });

  /** Adds a source of consumer lag, asked at every scrape. */
  addConsumerLagSource(source: () => Promise<ConsumerLag[]>): void {
    this.lagSources.push(source);
  }

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
  }
}

/** The promise's value, or undefined when it fails or takes longer than `ms`. */
function withinTime<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([promise.catch(() => undefined), timeout]).finally(() => clearTimeout(timer));
}
