import { Inject, Injectable } from '@nestjs/common';
import type { NotifyDelivery, StoredNotifyChannel } from '@liaowang/contract';
import { backoffDelay, LOGGER, SETTINGS, sleep, type Logger, type Settings } from '@liaowang/platform';
import { randomUUID } from 'node:crypto';
import { isCaseClockNotice, type Notice, type NoticeContent } from './notice-format';
import { buildNoticeRequest } from './notice-request';
import { NotifyDeliveryRepository } from './notify-delivery.repository';

/** What a delivery record says the notice was about. */
function subjectOf(notice: Notice): Pick<NotifyDelivery, 'subject' | 'alertId' | 'caseId' | 'clock' | 'step'> {
  if (isCaseClockNotice(notice)) return { subject: 'case_clock', caseId: notice.kase.id, clock: notice.clock, step: 1 };
  return { subject: 'alert', alertId: notice.alert.id, step: notice.step };
}

/** Why an attempt failed, without the URL (a robot's token is in it). */
function failureOf(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timeout';
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error instanceof Error ? error.name : 'error');
}

/**
 * Sends a notice to channels (issue 8 item 5): each channel up to NOTIFY_ATTEMPTS times, with
 * exponential back-off between attempts and NOTIFY_TIMEOUT_SECONDS per attempt; every attempt is
 * recorded. A 2xx answer is success; anything else, or no answer, is retried.
 */
@Injectable()
export class NoticeDeliveryService {
  private readonly logger: Logger;

  constructor(
    private readonly deliveries: NotifyDeliveryRepository,
    @Inject(SETTINGS) private readonly settings: Settings,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'notify' });
  }

  /** Delivers to every channel at once; resolves with whether each got it. Never throws. */
  async deliverAll(channels: readonly StoredNotifyChannel[], notice: NoticeContent): Promise<boolean[]> {
    const full: Notice = { ...notice, publicUrl: this.settings.PUBLIC_URL };
    return Promise.all(channels.map((channel) => this.deliver(channel, full).catch(() => false)));
  }

  private async deliver(channel: StoredNotifyChannel, notice: Notice): Promise<boolean> {
    const attempts = this.settings.NOTIFY_ATTEMPTS;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      // Built per attempt: signatures carry the time they were made.
      const request = buildNoticeRequest(channel, notice, new Date());
      let statusCode: number | undefined;
      let error: string | undefined;
      try {
        const response = await fetch(request.url, {
          method: 'POST',
          headers: request.headers,
          body: request.body,
          signal: AbortSignal.timeout(this.settings.NOTIFY_TIMEOUT_SECONDS * 1000),
        });
        statusCode = response.status;
        await response.arrayBuffer().catch(() => undefined);
        if (!response.ok) error = `HTTP ${response.status}`;
      } catch (caught) {
        error = failureOf(caught);
      }
      const subject = subjectOf(notice);
      await this.record({ channelId: channel.id, ...subject, attempt, ok: !error, statusCode, error });
      if (!error) return true;
      this.logger.warn({ channelId: channel.id, ...subject, attempt, statusCode, error }, 'notice not delivered');
      if (attempt < attempts) await sleep(backoffDelay(attempt - 1, 500, 5_000));
    }
    return false;
  }

  private async record(attempt: Omit<NotifyDelivery, 'id' | 'at'>): Promise<void> {
    const delivery: NotifyDelivery = { id: randomUUID(), ...attempt, at: new Date().toISOString() };
    if (delivery.statusCode === undefined) delete delivery.statusCode;
    if (delivery.error === undefined) delete delivery.error;
    try {
      await this.deliveries.record(delivery);
    } catch (error) {
      // The notice went (or not) either way; a lost record must not stop the next attempt.
      this.logger.error(
        { err: error, channelId: delivery.channelId, alertId: delivery.alertId, caseId: delivery.caseId },
        'delivery attempt not recorded',
      );
    }
  }
}
