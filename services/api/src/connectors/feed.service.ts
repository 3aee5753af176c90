import { Inject, Injectable } from '@nestjs/common';
import { feedConnectorId, feedInputSchema, type Feed, type FeedUpdate, type SessionUser } from '@liaowang/contract';
import { AUDIT_TRAIL, ProblemException, SETTINGS, urlAddressRefusal, type AuditRequestContext, type AuditTrail, type Settings } from '@liaowang/platform';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { ConnectorStatusRepository } from './connector-status.repository';
import { FeedRepository, MAX_FEEDS } from './feed.repository';

type FeedInputValid = z.output<typeof feedInputSchema>;

/** RSS / Atom feeds, admin-managed; each change audited. Intake picks changes up within a poll interval. */
@Injectable()
export class FeedService {
  constructor(
    private readonly feeds: FeedRepository,
    private readonly statuses: ConnectorStatusRepository,
    @Inject(AUDIT_TRAIL) private readonly audit: AuditTrail,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  list(): Promise<Feed[]> {
    return this.feeds.list();
  }

  async get(id: string): Promise<Feed> {
    const feed = await this.feeds.find(id);
    if (!feed) throw ProblemException.notFound(`No feed ${id}`);
    return feed;
  }

  async create(admin: SessionUser, input: FeedInputValid, context: AuditRequestContext): Promise<Feed> {
    if ((await this.feeds.count()) >= MAX_FEEDS) throw ProblemException.invalidFields([{ field: 'url', message: `at most ${MAX_FEEDS} feeds` }]);
    await this.refuseNonPublic(input.url);
    const now = new Date().toISOString();
    const feed: Feed = { id: randomUUID(), ...input, createdAt: now, createdBy: admin.username, updatedAt: now, updatedBy: admin.username };
    await this.feeds.save(feed);
    await this.record(admin, 'feed.create', feed.id, undefined, feed, context);
    return feed;
  }

  async update(admin: SessionUser, id: string, update: FeedUpdate, context: AuditRequestContext): Promise<Feed> {
    const current = await this.get(id);
    if (update.url !== undefined) await this.refuseNonPublic(update.url);
    const changes = Object.fromEntries(Object.entries(update).filter(([, value]) => value !== undefined));
    const next: Feed = { ...current, ...changes, updatedAt: new Date().toISOString(), updatedBy: admin.username };
    await this.feeds.save(next);
    await this.record(admin, 'feed.update', id, current, next, context);
    return next;
  }

  /** Removes the feed and its status; the items it brought in stay. */
  async remove(admin: SessionUser, id: string, context: AuditRequestContext): Promise<Feed> {
    const current = await this.get(id);
    await this.feeds.remove(id);
    await this.statuses.remove(feedConnectorId(id));
    await this.record(admin, 'feed.delete', id, current, undefined, context);
    return current;
  }

  /** A feed on the server's own network (loopback, private, metadata address) is refused; intake checks again at every fetch. */
  private async refuseNonPublic(url: string): Promise<void> {
    const refusal = await urlAddressRefusal(url, { allowPrivateAddresses: this.settings.FEEDS_ALLOW_PRIVATE_ADDRESSES });
    if (refusal) throw ProblemException.invalidFields([{ field: 'url', message: refusal }]);
  }

  private async record(admin: SessionUser, action: string, id: string, before: Feed | undefined, after: Feed | undefined, context: AuditRequestContext): Promise<void> {
    await this.audit.append({
      actor: { username: admin.username, role: admin.role },
      action,
      target: { type: 'feed', id },
      ...(before ? { before: { ...before } } : {}),
      ...(after ? { after: { ...after } } : {}),
      outcome: 'success',
      ...context,
    });
  }
}
