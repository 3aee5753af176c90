import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CONNECTORS_INDEX_NAME, connectorsIndex, FEEDS_INDEX_NAME, feedsIndex, type ConnectorStatus } from '@liaowang/contract';
import { ELASTICSEARCH, ensureIndex, ensureIndexTemplate, type ElasticsearchClient } from '@liaowang/platform';

const MAX_CONNECTORS = 1_000;

/** Connector statuses as intake writes them; the API only sets and clears the pause flag. */
@Injectable()
export class ConnectorStatusRepository implements OnModuleInit {
  constructor(@Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient) {}

  // The API may start before intake: both indices exist before the first request.
  async onModuleInit(): Promise<void> {
    for (const [template, index] of [
      [connectorsIndex, CONNECTORS_INDEX_NAME],
      [feedsIndex, FEEDS_INDEX_NAME],
    ] as const) {
      await ensureIndexTemplate(this.es, template);
      await ensureIndex(this.es, index);
    }
  }

  async list(): Promise<ConnectorStatus[]> {
    const result = await this.es.search<ConnectorStatus>({ index: CONNECTORS_INDEX_NAME, ignore_unavailable: true, size: MAX_CONNECTORS, sort: [{ id: 'asc' }] });
    return result.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : []));
  }

  async find(id: string): Promise<ConnectorStatus | null> {
    const doc = await this.es.get<ConnectorStatus>({ index: CONNECTORS_INDEX_NAME, id }, { ignore: [404] });
    return doc.found && doc._source ? doc._source : null;
  }

  /** Pauses or resumes; a connector not yet written by intake (a new feed) gets its document now. */
  async setPaused(status: ConnectorStatus, paused: boolean, by: string): Promise<ConnectorStatus> {
    const now = new Date().toISOString();
    const change = paused ? { paused: true, state: 'paused', pausedBy: by, pausedAt: now, updatedAt: now } : { paused: false, state: 'running', updatedAt: now };
    await this.es.update({ index: CONNECTORS_INDEX_NAME, id: status.id, doc: change, upsert: { ...status, ...change }, refresh: 'wait_for', retry_on_conflict: 5 });
    const next: ConnectorStatus = { ...status, ...change } as ConnectorStatus;
    if (!paused) {
      delete next.pausedBy;
      delete next.pausedAt;
    }
    return next;
  }

  async remove(id: string): Promise<void> {
    await this.es.delete({ index: CONNECTORS_INDEX_NAME, id, refresh: 'wait_for' }, { ignore: [404] });
  }
}
