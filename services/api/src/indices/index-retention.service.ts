import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { ALL_INDEX_TEMPLATES } from '@liaowang/contract';
import {
  applyRetention,
  AUDIT_TRAIL,
  AuditTrail,
  ELASTICSEARCH,
  LOGGER,
  SETTINGS,
  type ElasticsearchClient,
  type Logger,
  type Settings,
} from '@liaowang/platform';
import { CronJob } from 'cron';

const JOB = 'liaowang-index-retention';

/**
 * Rollover and retention of the month indices (R-ENR-7) at RETENTION_CRON, Asia/Shanghai: the
 * server has no ILM, so the API does it (docs/ARCHITECTURE.md, Index design). Every instance
 * schedules it; what one did the others find done.
 */
@Injectable()
export class IndexRetentionService implements OnApplicationBootstrap {
  private readonly logger: Logger;

  constructor(
    @Inject(SETTINGS) private readonly settings: Settings,
    @Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient,
    @Inject(LOGGER) logger: Logger,
    @Inject(AUDIT_TRAIL) private readonly audit: AuditTrail,
    private readonly scheduler: SchedulerRegistry,
  ) {
    this.logger = logger.child({ component: 'index-retention' });
  }

  onApplicationBootstrap(): void {
    if (this.settings.RETENTION_CRON === 'off') return;
    const job = CronJob.from({ cronTime: this.settings.RETENTION_CRON, onTick: () => this.run(), timeZone: 'Asia/Shanghai' });
    this.scheduler.addCronJob(JOB, job);
    job.start();
  }

  /** One run: never throws, so a failure cannot stop the API; the next run tries again. */
  async run(now = new Date()): Promise<void> {
    try {
      const outcome = await applyRetention(this.es, this.audit, ALL_INDEX_TEMPLATES, this.settings.RETENTION_MONTHS, now);
      this.logger.info({ ...outcome, keepMonths: this.settings.RETENTION_MONTHS }, 'index retention applied');
    } catch (error) {
      this.logger.error({ err: error }, 'index retention failed');
    }
  }
}
