import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { alertEventSchema, alertsTopic } from '@liaowang/contract';
import { KAFKA, LOGGER, parseMessage, type KafkaPort, type Logger } from '@liaowang/platform';
import { NotifyChannelRepository } from '../notify/notify-channel.repository';
import { planTimers } from './escalation-plan';
import { EscalationPolicyRepository } from './escalation-policy.repository';
import { EscalationTimerRepository } from './escalation-timer.repository';

// One group shared by every API instance: each alert event is planned once, by one of them.
export const ESCALATION_GROUP = 'liaowang-escalation';

/**
 * Alerts topic → escalation timers (R-ALR-3). A new alert gets its chain, fixed now from the
 * policy and channels in force; an alert that was handled gets its pending timers cancelled.
 * Timers are created with their deterministic ids, so a replayed batch creates nothing twice;
 * the batch is committed only after Elasticsearch took them.
 */
@Injectable()
export class EscalationPlannerService implements OnApplicationBootstrap {
  private readonly logger: Logger;

  constructor(
    private readonly timers: EscalationTimerRepository,
    private readonly policies: EscalationPolicyRepository,
    private readonly channels: NotifyChannelRepository,
    @Inject(KAFKA) private readonly kafka: KafkaPort,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'escalation' });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.kafka.consume({
      stage: 'escalation-planner',
      groupId: ESCALATION_GROUP,
      topic: alertsTopic,
      // A new group starts at the beginning, so alerts raised before its first start are not missed.
      fromBeginning: true,
      handle: async (messages) => {
        const now = new Date();
        for (const message of messages) {
          const parsed = parseMessage(message, alertEventSchema);
          if (!parsed.ok) {
            this.logger.warn({ offset: message.offset, reason: parsed.reason }, 'unreadable alert event');
            continue;
          }
          const { event, alert } = parsed.value;
          if (event === 'new') {
            const [policy, channels] = await Promise.all([this.policies.current(), this.channels.list()]);
            const created = await this.timers.createAll(planTimers(alert, policy, channels, now));
            if (created > 0) this.logger.debug({ alertId: alert.id, created }, 'escalation planned');
          } else if (alert.state !== 'new') {
            await this.cancelPending(alert.id, `alert ${alert.state}`);
          }
        }
      },
    });
  }

  // A timer fired meanwhile is left alone; the fire-time check cancels any this misses.
  private async cancelPending(alertId: string, reason: string): Promise<void> {
    for (const pending of await this.timers.pendingOf(alertId)) {
      await this.timers.replace(pending, { ...pending.timer, state: 'cancelled', cancelledReason: reason });
    }
  }
}
