import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { deadLetterTopic, ITEM_KINDS, ITEMS_RAW_TOPICS, type DeadLetter, type ItemKind } from '@liaowang/contract';
import { KAFKA, LOGGER, METRICS, parseMessage, type KafkaPort, type Logger, type Metrics } from '@liaowang/platform';
import { randomUUID } from 'node:crypto';

const KIND_OF_TOPIC = new Map(Object.entries(ITEMS_RAW_TOPICS).map(([kind, topic]) => [topic.name, kind as ItemKind]));

/** The kind a dead letter was an item of: by its raw topic, else by the kind in its value, else unknown. */
export function kindOfDeadLetter(letter: DeadLetter): ItemKind | 'unknown' {
  const byTopic = KIND_OF_TOPIC.get(letter.sourceTopic);
  if (byTopic) return byTopic;
  const kind = /"kind"\s*:\s*"([a-z_]+)"/.exec(letter.value ?? '')?.[1];
  return (ITEM_KINDS as readonly string[]).includes(kind ?? '') ? (kind as ItemKind) : 'unknown';
}

/**
 * Counts on intake's /metrics the items the stream parked on the dead-letter topic, beside the
 * accepted, rejected and duplicate ones, by kind and source topic. Each instance reads the topic
 * in a group of its own from the moment it starts, so every instance shows every letter since.
 */
@Injectable()
export class DeadLetterCounter implements OnApplicationBootstrap {
  constructor(
    @Inject(KAFKA) private readonly kafka: KafkaPort,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(METRICS) private readonly metrics: Metrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.kafka.consume({
      stage: 'intake-dead-letter-count',
      groupId: `liaowang-intake-dead-letters-${randomUUID()}`,
      topic: deadLetterTopic,
      fromBeginning: false,
      handle: async (messages) => {
        for (const message of messages) {
          const parsed = parseMessage(message, deadLetterTopic.schema);
          if (!parsed.ok) {
            this.logger.warn({ offset: message.offset, reason: parsed.reason }, 'unreadable dead letter');
            continue;
          }
          const letter = parsed.value;
          this.metrics.intakeItems.inc({ kind: kindOfDeadLetter(letter), topic: letter.sourceTopic, source: letter.stage, outcome: 'dead_lettered' });
        }
      },
    });
  }
}
