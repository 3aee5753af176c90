import { Inject, Injectable } from '@nestjs/common';
import type { NotifyChannel, NotifyChannelInput, NotifyChannelUpdate, SessionUser, StoredNotifyChannel } from '@liaowang/contract';
import { AUDIT_TRAIL, ProblemException, type AuditRequestContext, type AuditTrail } from '@liaowang/platform';
import { randomUUID } from 'node:crypto';
import { maskedUrl } from './notice-request';
import { NotifyChannelRepository } from './notify-channel.repository';

/** A channel as shown and audited: never its secret, never the token in its URL. */
export function publicChannel(channel: StoredNotifyChannel): NotifyChannel {
  const { secret, url, ...rest } = channel;
  return { ...rest, url: maskedUrl(url), hasSecret: Boolean(secret) };
}

/** Outbound notice channels, admin-managed; every change audited without its secret. */
@Injectable()
export class NotifyChannelService {
  constructor(
    private readonly channels: NotifyChannelRepository,
    @Inject(AUDIT_TRAIL) private readonly audit: AuditTrail,
  ) {}

  async list(): Promise<NotifyChannel[]> {
    return (await this.channels.list()).map(publicChannel);
  }

  async create(admin: SessionUser, input: NotifyChannelInput, context: AuditRequestContext): Promise<NotifyChannel> {
    const now = new Date().toISOString();
    const channel: StoredNotifyChannel = { id: randomUUID(), ...input, createdAt: now, createdBy: admin.username, updatedAt: now, updatedBy: admin.username };
    await this.channels.save(channel);
    const shown = publicChannel(channel);
    await this.audit.append({
      actor: { username: admin.username, role: admin.role },
      action: 'notify.channel.create',
      target: { type: 'notify-channel', id: channel.id },
      after: { ...shown },
      outcome: 'success',
      ...context,
    });
    return shown;
  }

  async update(admin: SessionUser, id: string, update: NotifyChannelUpdate, context: AuditRequestContext): Promise<NotifyChannel> {
    const current = await this.channels.find(id);
    if (!current) throw ProblemException.notFound(`No notify channel ${id}`);
    const { minSeverity, ...rest } = update;
    const next: StoredNotifyChannel = {
      ...current,
      ...Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)),
      updatedAt: new Date().toISOString(),
      updatedBy: admin.username,
    };
    // null clears the minimum (no notice when an alert is raised); absent keeps it.
    if (minSeverity === null) delete next.minSeverity;
    else if (minSeverity !== undefined) next.minSeverity = minSeverity;
    await this.channels.save(next);
    const shown = publicChannel(next);
    await this.audit.append({
      actor: { username: admin.username, role: admin.role },
      action: 'notify.channel.update',
      target: { type: 'notify-channel', id },
      before: { ...publicChannel(current) },
      after: { ...shown, ...(update.secret ? { secretChanged: true } : {}) },
      outcome: 'success',
      ...context,
    });
    return shown;
  }
}
