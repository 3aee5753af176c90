import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { rawTopicFor, type IntakeAccepted, type ItemKind, type RawItem } from '@liaowang/contract';
import {
  ELASTICSEARCH,
  KAFKA,
  LOGGER,
  METRICS,
  ProblemException,
  type ElasticsearchClient,
  type KafkaPort,
  type Logger,
  type Metrics,
} from '@liaowang/platform';
import { connectorIdFor, ConnectorStatusBook } from '../connectors/connector-status.book';
import { KafkaCircuit } from './kafka-circuit';
import { RecentItemIds } from './recent-item-ids';
import { storedItemIdsOrNone } from './stored-item-ids';
import { WriteCoalescer } from './write-coalescer';

export type IntakeSource = 'http' | 'simulator' | 'report-page' | `feed:${string}`;

const RETRY_AFTER_SECONDS = 2;
const PAUSED_RETRY_AFTER_SECONDS = 30;

/** The one place items of every kind enter Liaowang, for HTTP pushes and every connector alike. */
@Injectable()
export class ItemIntakeService implements OnModuleInit {
  private readonly recent = new RecentItemIds();
  private circuit!: KafkaCircuit;
  // Concurrent requests share one Kafka send and one stored-ids lookup (see WriteCoalescer).
  private readonly writer = new WriteCoalescer<RawItem, void>(async (items) => {
    for (const [kind, ofKind] of byKind(items)) {
      await this.kafka.send(rawTopicFor(kind), ofKind.map((item) => ({ key: item.threadId, value: item })));
    }
    return items.map(() => undefined);
  });
  private readonly storedLookup = new WriteCoalescer<string, boolean>(async (ids) => {
    const stored = await storedItemIdsOrNone(this.es, ids);
    return ids.map((id) => stored.has(id));
  });

  constructor(
    @Inject(KAFKA) private readonly kafka: KafkaPort,
    @Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(METRICS) private readonly metrics: Metrics,
    private readonly connectors: ConnectorStatusBook,
  ) {}

  onModuleInit(): void {
    this.circuit = new KafkaCircuit(() => this.kafka.isReachable());
  }

  /**
   * Writes each item to its kind's raw topic with acks=all. Only after that resolves may a
   * caller answer 2xx; if Kafka cannot take them, 503 with Retry-After (R-REL-2), at once while
   * the broker is known to be down. An item received before is not written again (R-ING-4).
   */
  async accept(items: RawItem[], source: IntakeSource): Promise<IntakeAccepted[]> {
    // An admin's pause (R-ING-2): the sender is told to come back later, nothing is taken.
    if (items.some((item) => this.connectors.isPaused(connectorIdFor(source, item.kind)))) {
      throw ProblemException.unavailable('This connector is paused by an administrator', PAUSED_RETRY_AFTER_SECONDS);
    }
    if (this.circuit.isOpen) throw this.unavailable(items, source);
    const duplicates = await this.duplicatesAmong(items);
    const fresh = items.filter((item, index) => !duplicates.has(index));
    try {
      await this.writer.submit(fresh);
      this.circuit.close();
    } catch (error) {
      this.logger.error({ err: error, count: fresh.length }, 'raw topic write failed');
      this.circuit.open();
      throw this.unavailable(items, source);
    }
    for (const item of fresh) this.recent.add(item.id);
    this.count(fresh, source, 'accepted');
    this.count(items.filter((_, index) => duplicates.has(index)), source, 'duplicate');
    this.metrics.itemsAccepted.inc({ source }, fresh.length);
    return items.map((item, index) => ({ id: item.id, duplicate: duplicates.has(index) }));
  }

  /** Counts payloads refused by validation, for the per-kind figures on /metrics. */
  countRejected(kind: ItemKind, source: IntakeSource, count = 1): void {
    this.metrics.intakeItems.inc({ kind, topic: rawTopicFor(kind).name, source, outcome: 'rejected' }, count);
    this.connectors.count(connectorIdFor(source, kind), 'rejected', count);
  }

  /** Positions of items received before: earlier in this call, lately by this instance, or stored. */
  private async duplicatesAmong(items: RawItem[]): Promise<Set<number>> {
    const seen = new Set<string>();
    const duplicates = new Set<number>();
    const unknown: number[] = [];
    items.forEach((item, index) => {
      if (seen.has(item.id) || this.recent.has(item.id)) duplicates.add(index);
      else unknown.push(index);
      seen.add(item.id);
    });
    const stored = await this.storedLookup.submit(unknown.map((index) => items[index].id));
    unknown.forEach((index, at) => stored[at] && duplicates.add(index));
    return duplicates;
  }

  private unavailable(items: RawItem[], source: IntakeSource): ProblemException {
    this.count(items, source, 'unavailable');
    return ProblemException.unavailable('The message log is not accepting writes; try again shortly', RETRY_AFTER_SECONDS);
  }

  private count(items: RawItem[], source: IntakeSource, outcome: 'accepted' | 'duplicate' | 'unavailable'): void {
    for (const [kind, ofKind] of byKind(items)) {
      this.metrics.intakeItems.inc({ kind, topic: rawTopicFor(kind).name, source, outcome }, ofKind.length);
      const connector = connectorIdFor(source, kind);
      if (outcome === 'unavailable') this.connectors.ran(connector, 'Kafka cannot take writes now (503)');
      else {
        this.connectors.count(connector, outcome, ofKind.length);
        this.connectors.ran(connector);
      }
    }
  }
}

/** Items grouped by kind (so by raw topic), each group in arrival order. */
function byKind(items: RawItem[]): Map<ItemKind, RawItem[]> {
  const groups = new Map<ItemKind, RawItem[]>();
  for (const item of items) {
    const group = groups.get(item.kind);
    if (group) group.push(item);
    else groups.set(item.kind, [item]);
  }
  return groups;
}
