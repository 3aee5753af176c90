import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { alertsTopic, type Alert, type EscalationTimer } from '@liaowang/contract';
import { AUDIT_TRAIL, KAFKA, LOGGER, SETTINGS, type AuditTrail, type KafkaPort, type Logger, type Settings } from '@liaowang/platform';
import { randomUUID } from 'node:crypto';
import { AlertRepository, AlertVersionConflict } from '../alerts/alert.repository';
import { NoticeDeliveryService } from '../notify/notice-delivery.service';
import { NotifyChannelRepository } from '../notify/notify-channel.repository';
import { DUTY_LOOKUP, type DutyLookup } from './duty-lookup';
import { escalatedEvent, fireDecision, personFor } from './escalation-plan';
import { EscalationTimerRepository, type VersionedTimer } from './escalation-timer.repository';

const JOB = 'liaowang-escalation-tick';
// A claim not finished within this long is taken over: its instance died between claim and fire.
export const CLAIM_LEASE_MS = 60_000;
const DUE_PER_TICK = 100;
const ALERT_WRITE_ATTEMPTS = 5;
const SYSTEM = { username: 'system', role: 'system' } as const;

/**
 * Fires due escalation timers (R-ALR-3). Every API instance ticks every ESCALATION_TICK_SECONDS;
 * a due timer is claimed with if_seq_no (pending → firing), so of instances that saw it only one
 * goes on. The winner appends the 'escalated' entry to the alert (if_seq_no, re-read on conflict)
 * if the alert is still new, publishes it, marks the timer fired, sends the step's notices and
 * audits; a handled alert cancels the timer instead.
 */
@Injectable()
export class EscalationFiringService implements OnApplicationBootstrap {
  private readonly instance = randomUUID();
  private readonly logger: Logger;
  private ticking?: Promise<void>;

  constructor(
    private readonly timers: EscalationTimerRepository,
    private readonly alerts: AlertRepository,
    private readonly channels: NotifyChannelRepository,
    private readonly notices: NoticeDeliveryService,
    @Inject(DUTY_LOOKUP) private readonly duty: DutyLookup,
    @Inject(AUDIT_TRAIL) private readonly audit: AuditTrail,
    @Inject(KAFKA) private readonly kafka: KafkaPort,
    @Inject(SETTINGS) private readonly settings: Settings,
    @Inject(LOGGER) logger: Logger,
    private readonly scheduler: SchedulerRegistry,
  ) {
    this.logger = logger.child({ component: 'escalation' });
  }

  onApplicationBootstrap(): void {
    // SchedulerRegistry clears the interval when the app closes.
    const interval = setInterval(() => void this.tick(), this.settings.ESCALATION_TICK_SECONDS * 1000);
    this.scheduler.addInterval(JOB, interval);
  }

  /** One pass over the due timers; a pass still running makes the next tick skip. Never throws. */
  tick(): Promise<void> {
    this.ticking ??= this.fireDue()
      .catch((error) => this.logger.error({ err: error }, 'escalation tick failed'))
      .finally(() => (this.ticking = undefined));
    return this.ticking;
  }

  private async fireDue(): Promise<void> {
    const now = new Date();
    for (const due of await this.timers.due(now, CLAIM_LEASE_MS, DUE_PER_TICK)) {
      const claimed = await this.timers.replace(due, { ...due.timer, state: 'firing', claimedAt: now.toISOString(), claimedBy: this.instance });
      if (!claimed) continue; // another instance has it
      try {
        await this.fire(claimed);
      } catch (error) {
        // Left in `firing`: after the lease any instance takes it over.
        this.logger.error({ err: error, timer: claimed.timer.id }, 'escalation not fired; retried after the lease');
      }
    }
  }

  private async fire(claimed: VersionedTimer): Promise<void> {
    const { timer } = claimed;
    const firedAt = new Date();
    const username = personFor(timer.target, await this.duty.onDutyAt(firedAt));
    let alert: Alert | undefined;
    for (let attempt = 1; ; attempt++) {
      const found = await this.alerts.find(timer.alertId);
      const decision = fireDecision(found?.alert, timer);
      if (decision.act === 'cancel') {
        await this.finish(claimed, { ...timer, state: 'cancelled', cancelledReason: decision.reason });
        return;
      }
      if (decision.act !== 'escalate' || !found) {
        alert = found?.alert;
        break;
      }
      const escalated: Alert = { ...found.alert, timeline: [...found.alert.timeline, escalatedEvent(timer, username, firedAt)], updatedAt: firedAt.toISOString() };
      try {
        await this.alerts.replace(found, escalated);
        alert = escalated;
        await this.publish(escalated);
        break;
      } catch (error) {
        // A move or a grouped match came in between: read again and decide again.
        if (!(error instanceof AlertVersionConflict) || attempt >= ALERT_WRITE_ATTEMPTS) throw error;
      }
    }
    if (!alert) return;
    await this.finish(claimed, { ...timer, state: 'fired', firedAt: firedAt.toISOString(), ...(username ? { notifiedUser: username } : {}) });
    if (timer.notify && timer.channelIds.length > 0) {
      const channels = (await this.channels.findMany(timer.channelIds)).filter((c) => c.enabled);
      await this.notices.deliverAll(channels, { alert, step: timer.step, target: timer.target, username });
    }
    if (timer.step > 0) {
      await this.audit.append({
        actor: SYSTEM,
        action: 'alerts.escalate',
        target: { type: 'alert', id: alert.id },
        after: { step: timer.step, target: timer.target, ...(username ? { username } : {}), notified: timer.notify ? timer.channelIds : [] },
        outcome: 'success',
        detail: `step ${timer.step} after the alert stayed unacknowledged (policy version ${timer.policyVersion})`,
      });
    }
  }

  private async finish(claimed: VersionedTimer, next: EscalationTimer): Promise<void> {
    const written = await this.timers.replace(claimed, next);
    if (!written) this.logger.warn({ timer: next.id }, 'escalation timer taken over by another instance meanwhile');
  }

  private async publish(alert: Alert): Promise<void> {
    try {
      await this.kafka.send(alertsTopic, [{ key: alert.id, value: { event: 'updated', alert } }]);
    } catch (error) {
      // The index holds the step; a dashboard that misses this push sees it on its next list.
      this.logger.warn({ err: error, alertId: alert.id }, 'escalation saved but not published');
    }
  }
}
