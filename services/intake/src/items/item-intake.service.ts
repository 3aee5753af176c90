import { Inject, Injectable } from '@nestjs/common';
import { rawTopicFor, type RawItem } from '@liaowang/contract';
import { KAFKA, LOGGER, METRICS, ProblemException, type KafkaPort, type Logger, type Metrics } from '@liaowang/platform';

/** The one place items enter Liaowang, for HTTP pushes and every connector alike. */
@Injectable()
export class MentionIntakeService {
  constructor(
    @Inject(KAFKA) private readonly kafka: KafkaPort,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(METRICS) private readonly metrics: Metrics,
  ) {}

  /**
   * Writes items to the raw topic with acks=all. Only after that resolves may a caller answer
   * 2xx; if Kafka cannot take them, the caller gets 503 with Retry-After (R-REL-2).
   */
  async accept(items: RawItem[], source: 'http' | 'simulator'): Promise<void> {
    try {
      for (const [topic, ofTopic] of groupByTopic(items)) await this.kafka.send(topic, ofTopic.map((item) => ({ key: item.threadId, value: item })));
      this.metrics.itemsAccepted.inc({ source }, items.length);
    } catch (error) {
      this.logger.error({ err: error, count: items.length }, 'raw topic write failed');
      throw ProblemException.unavailable('The message log is not accepting writes; try again shortly', 5);
    }
  }
}

/** Items by the raw topic of their kind, in their order. */
function groupByTopic(items: RawItem[]) {
  const byTopic = new Map<ReturnType<typeof rawTopicFor>, RawItem[]>();
  for (const item of items) {
    const topic = rawTopicFor(item.kind);
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), item]);
  }
  return byTopic;
}
