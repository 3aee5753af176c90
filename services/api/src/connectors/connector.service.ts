import { Inject, Injectable } from '@nestjs/common';
import { feedConnectorId, PUSH_CONNECTOR_IDS, type ConnectorStatus, type Feed, type SessionUser } from '@liaowang/contract';
import { AUDIT_TRAIL, ProblemException, type AuditRequestContext, type AuditTrail } from '@liaowang/platform';
import { ConnectorStatusRepository } from './connector-status.repository';
import { FeedRepository } from './feed.repository';

/** The status a connector has before intake first wrote it (a feed just added, a fresh system). */
export function notYetRun(id: string, type: ConnectorStatus['type'], name: string): ConnectorStatus {
  return { id, type, name, state: 'running', paused: false, accepted: 0, rejected: 0, duplicate: 0, skipped: 0 };
}

export const feedConnectorName = (feed: Pick<Feed, 'platform' | 'url'>) => `${feed.platform} · ${feed.url}`;

/** Every connector with its status (R-ING-2), and an admin's pause and resume, audited. */
@Injectable()
export class ConnectorService {
  constructor(
    private readonly statuses: ConnectorStatusRepository,
    private readonly feeds: FeedRepository,
    @Inject(AUDIT_TRAIL) private readonly audit: AuditTrail,
  ) {}

  /** What intake wrote, plus the push endpoints and feeds it has not written yet; feeds removed are left out. */
  async list(): Promise<ConnectorStatus[]> {
    const [stored, feeds] = await Promise.all([this.statuses.list(), this.feeds.list()]);
    const byId = new Map(stored.map((status) => [status.id, status]));
    const feedIds = new Set(feeds.map((feed) => feedConnectorId(feed.id)));
    for (const id of PUSH_CONNECTOR_IDS) if (!byId.has(id)) byId.set(id, notYetRun(id, 'push', `HTTP push: ${id.slice('push:'.length)}`));
    for (const feed of feeds) {
      const id = feedConnectorId(feed.id);
      if (!byId.has(id)) byId.set(id, notYetRun(id, 'feed', feedConnectorName(feed)));
    }
    return [...byId.values()].filter((status) => status.type !== 'feed' || feedIds.has(status.id)).sort((a, b) => a.id.localeCompare(b.id));
  }

  async setPaused(admin: SessionUser, id: string, paused: boolean, context: AuditRequestContext): Promise<ConnectorStatus> {
    const current = (await this.list()).find((status) => status.id === id);
    if (!current) throw ProblemException.notFound(`No connector ${id}`);
    const next = await this.statuses.setPaused(current, paused, admin.username);
    await this.audit.append({
      actor: { username: admin.username, role: admin.role },
      action: paused ? 'connector.pause' : 'connector.resume',
      target: { type: 'connector', id },
      before: { state: current.state, paused: current.paused },
      after: { state: next.state, paused: next.paused },
      outcome: 'success',
      ...context,
    });
    return next;
  }
}
