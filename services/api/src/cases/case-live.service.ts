import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { casesTopic, type Case } from '@liaowang/contract';
import { KAFKA, LOGGER, parseMessage, type KafkaPort, type Logger } from '@liaowang/platform';
import { randomUUID } from 'node:crypto';
import { LiveGateway } from '../live/live.gateway';

/**
 * `cases:updated` on every API instance (R-UI-3): the instance that wrote a case publishes it on
 * the cases topic, and each instance reads that topic in a group of its own and pushes the case
 * to its sockets that may read cases — so a dashboard hears of a change made through any
 * instance, the writing one included, once.
 */
@Injectable()
export class CaseLiveService implements OnApplicationBootstrap {
  constructor(
    private readonly live: LiveGateway,
    @Inject(KAFKA) private readonly kafka: KafkaPort,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.kafka.consume({
      stage: 'live-cases',
      groupId: `liaowang-api-cases-${randomUUID()}`,
      topic: casesTopic,
      fromBeginning: false,
      handle: async (messages) => {
        for (const message of messages) {
          const parsed = parseMessage(message, casesTopic.schema);
          if (parsed.ok) this.live.emitCase(parsed.value);
          else this.logger.warn({ offset: message.offset, reason: parsed.reason }, 'unreadable case event');
        }
      },
    });
  }

  // The case is stored and audited already; a dashboard that misses this push sees it on its next load.
  async publish(kase: Case): Promise<void> {
    try {
      await this.kafka.send(casesTopic, [{ key: kase.id, value: kase }]);
    } catch (error) {
      this.logger.warn({ err: error, caseId: kase.id }, 'case saved but not published');
    }
  }
}
