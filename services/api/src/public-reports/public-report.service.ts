import { Inject, Injectable } from '@nestjs/common';
import { rawItemFor, rawTopicFor, type PublicReport, type PublicReportReceipt } from '@liaowang/contract';
import { KAFKA, LOGGER, METRICS, ProblemException, type KafkaPort, type Logger, type Metrics } from '@liaowang/platform';
import { publicReportItem } from './public-report-item';
import { receiptNumber } from './receipt-number';

/** Files a report from the public page onto the raw topic of its kind (R-ING-2). */
@Injectable()
export class PublicReportService {
  constructor(
    @Inject(KAFKA) private readonly kafka: KafkaPort,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(METRICS) private readonly metrics: Metrics,
  ) {}

  async file(report: PublicReport, payload: unknown): Promise<PublicReportReceipt> {
    const receipt = receiptNumber();
    // A bot filled in the hidden field: it gets an answer like anyone, and nothing is stored.
    if (report.website) {
      this.logger.info({ receipt }, 'public report refused: honeypot filled in');
      this.metrics.intakeItems.inc({ kind: report.kind === 'rumor' ? 'mention' : 'impostor_report', topic: 'none', source: 'report-page', outcome: 'rejected' });
      return { receipt };
    }
    const validation = publicReportItem(report, receipt);
    if (!validation.ok) throw ProblemException.invalidFields(validation.errors);
    const item = rawItemFor(validation.item, payload);
    const topic = rawTopicFor(item.kind);
    try {
      await this.kafka.send(topic, [{ key: item.threadId, value: item }]);
    } catch (error) {
      this.logger.error({ err: error, receipt }, 'public report not written');
      throw ProblemException.unavailable('暂时无法提交，请稍后再试 / The report could not be filed; try again shortly', 5);
    }
    this.metrics.intakeItems.inc({ kind: item.kind, topic: topic.name, source: 'report-page', outcome: 'accepted' });
    return { receipt };
  }
}
