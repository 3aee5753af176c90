import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import {
  CONNECTOR_POLL_INTERVAL_MS,
  CONNECTORS_INDEX_NAME,
  connectorsIndex,
  ITEM_KINDS,
  pushConnectorId,
  REPORT_PAGE_CONNECTOR_ID,
  SIMULATOR_CONNECTOR_ID,
  type ConnectorCounts,
  type ConnectorStatus,
  type ConnectorType,
  type ItemKind,
} from '@liaowang/contract';
import { ELASTICSEARCH, ensureIndex, ensureIndexTemplate, LOGGER, type ElasticsearchClient, type Logger } from '@liaowang/platform';
import { ConnectorMetrics } from './connector-metrics';

export type ConnectorOutcome = keyof ConnectorCounts;

/** What happened to one connector since the last flush. */
export interface PendingStatus {
  type: ConnectorType;
  name: string;
  counts: ConnectorCounts;
  lastRunAt?: string;
  lastSuccessAt?: string;
  lastError?: string;
  lastErrorAt?: string;
  failing?: boolean;
}

// Counts are added to what is stored, so every intake instance adds its own (optimistic
// concurrency: a write that raced another instance's is redone on the newer document).
const MAX_WRITE_ATTEMPTS = 5;

const zeroCounts = (): ConnectorCounts => ({ accepted: 0, rejected: 0, duplicate: 0, skipped: 0 });

/**
 * The status of every connector of this instance (R-ING-2): counted in memory, written to the
 * connectors index every poll interval, and the admins' pauses read back from it then.
 */
@Injectable()
export class ConnectorStatusBook implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private pending = new Map<string, PendingStatus>();
  private paused = new Set<string>();
  // Type and name of every connector seen, so a later count writes them right.
  private readonly known = new Map<string, { type: ConnectorType; name: string }>();
  private flushing?: Promise<void>;

  constructor(
    @Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly metrics: ConnectorMetrics,
    private readonly scheduler: SchedulerRegistry,
  ) {
    for (const kind of ITEM_KINDS) this.register(pushConnectorId(kind), 'push', `HTTP push: ${kind}`);
  }

  async onModuleInit(): Promise<void> {
    await ensureIndexTemplate(this.es, connectorsIndex);
    await ensureIndex(this.es, CONNECTORS_INDEX_NAME);
  }

  onApplicationBootstrap(): void {
    this.scheduler.addInterval('connector-status', setInterval(() => void this.flush(), CONNECTOR_POLL_INTERVAL_MS));
    void this.flush();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.scheduler.doesExist('interval', 'connector-status')) this.scheduler.deleteInterval('connector-status');
    await this.flush();
  }

  /** Makes a connector known, so it is listed before its first item. */
  register(id: string, type: ConnectorType, name: string): void {
    this.entry(id, type, name);
  }

  isPaused(id: string): boolean {
    return this.paused.has(id);
  }

  count(id: string, outcome: ConnectorOutcome, n = 1): void {
    if (n <= 0) return;
    this.entry(id).counts[outcome] += n;
    this.metrics.items.inc({ connector: id, outcome }, n);
  }

  /** One run of a connector (a poll, a push): success clears the failing state, an error sets it. */
  ran(id: string, error?: string): void {
    const entry = this.entry(id);
    const now = new Date().toISOString();
    entry.lastRunAt = now;
    if (error === undefined) {
      entry.lastSuccessAt = now;
      entry.failing = false;
    } else {
      entry.lastError = error.slice(0, 2_000);
      entry.lastErrorAt = now;
      entry.failing = true;
    }
  }

  /** Writes what changed and reads the pauses back; one flush at a time. */
  flush(): Promise<void> {
    this.flushing ??= this.write().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async write(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    const failed: string[] = [];
    for (const [id, status] of batch) {
      try {
        await this.writeOne(id, status);
      } catch (error) {
        // Elasticsearch away: keep the counts for the next flush, nothing is lost.
        this.merge(id, status);
        failed.push(id);
        this.logger.warn({ err: error, connector: id }, 'connector status not written; retried next interval');
      }
    }
    try {
      const stored = await this.es.search<ConnectorStatus>({ index: CONNECTORS_INDEX_NAME, ignore_unavailable: true, size: 1_000, _source: ['id', 'paused'] });
      this.paused = new Set(stored.hits.hits.flatMap((hit) => (hit._source?.paused ? [hit._id as string] : [])));
    } catch (error) {
      this.logger.warn({ err: error }, 'connector pauses not read; the last ones known still hold');
    }
  }

  private async writeOne(id: string, status: PendingStatus): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.es.get<ConnectorStatus>({ index: CONNECTORS_INDEX_NAME, id }, { ignore: [404] });
      const next = mergedStatus(current.found ? current._source : undefined, id, status, new Date());
      try {
        if (current.found) await this.es.index({ index: CONNECTORS_INDEX_NAME, id, document: next, if_seq_no: current._seq_no, if_primary_term: current._primary_term });
        else await this.es.create({ index: CONNECTORS_INDEX_NAME, id, document: next });
        return;
      } catch (error) {
        if ((error as { meta?: { statusCode?: number } }).meta?.statusCode !== 409 || attempt >= MAX_WRITE_ATTEMPTS) throw error;
      }
    }
  }

  private merge(id: string, earlier: PendingStatus): void {
    const current = this.pending.get(id);
    if (!current) {
      this.pending.set(id, earlier);
      return;
    }
    for (const key of Object.keys(earlier.counts) as ConnectorOutcome[]) current.counts[key] += earlier.counts[key];
    current.lastRunAt ??= earlier.lastRunAt;
    current.lastSuccessAt ??= earlier.lastSuccessAt;
    current.lastError ??= earlier.lastError;
    current.lastErrorAt ??= earlier.lastErrorAt;
    current.failing ??= earlier.failing;
  }

  /** Forgets a connector that is gone (a feed removed), so its status is not written again. */
  forget(id: string): void {
    this.known.delete(id);
    this.pending.delete(id);
  }

  private entry(id: string, type?: ConnectorType, name?: string): PendingStatus {
    const known = this.known.get(id) ?? { type: type ?? typeOf(id), name: name ?? id };
    if (name) known.name = name;
    this.known.set(id, known);
    let entry = this.pending.get(id);
    if (!entry) {
      entry = { ...known, counts: zeroCounts() };
      this.pending.set(id, entry);
    }
    entry.name = known.name;
    return entry;
  }
}

/** The connector an intake source and kind stand for. */
export function connectorIdFor(source: string, kind: ItemKind): string {
  return source === 'http' ? pushConnectorId(kind) : source;
}

function typeOf(id: string): ConnectorType {
  if (id === SIMULATOR_CONNECTOR_ID) return 'simulator';
  if (id === REPORT_PAGE_CONNECTOR_ID) return 'report-page';
  return id.startsWith('feed:') ? 'feed' : 'push';
}

/** The stored status with this instance's news added: counts summed, times and error the latest, a pause kept. */
export function mergedStatus(stored: ConnectorStatus | undefined, id: string, news: PendingStatus, now: Date): ConnectorStatus {
  const base: ConnectorStatus = stored ?? { id, type: news.type, name: news.name, state: 'running', paused: false, ...zeroCounts() };
  const next: ConnectorStatus = { ...base, name: news.name, updatedAt: now.toISOString() };
  for (const key of Object.keys(news.counts) as ConnectorOutcome[]) next[key] = (base[key] ?? 0) + news.counts[key];
  for (const key of ['lastRunAt', 'lastSuccessAt', 'lastError', 'lastErrorAt'] as const) {
    const value = news[key];
    if (value !== undefined && (base[key] === undefined || key === 'lastError' || value >= (base[key] as string))) next[key] = value;
  }
  if (next.paused) next.state = 'paused';
  else if (news.failing !== undefined) next.state = news.failing ? 'failing' : 'running';
  return next;
}
