import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import {
  AUDIT_TRAIL,
  AuditTrail,
  ELASTICSEARCH,
  LOGGER,
  METRICS,
  ProblemException,
  SETTINGS,
  SnapshotStore,
  type ElasticsearchClient,
  type Logger,
  type Metrics,
  type Settings,
} from '@liaowang/platform';
import { CronJob } from 'cron';

const JOB = 'liaowang-backup';

/**
 * The daily snapshot of the record indices (R-REL-5) at BACKUP_CRON, Asia/Shanghai, keeping
 * BACKUP_RETAIN. Every API instance schedules it; Elasticsearch runs one snapshot at a time, so
 * the instances that lose the race log it and count it as skipped.
 */
@Injectable()
export class BackupScheduleService implements OnApplicationBootstrap {
  private readonly store: SnapshotStore;
  private readonly logger: Logger;

  constructor(
    @Inject(SETTINGS) private readonly settings: Settings,
    @Inject(ELASTICSEARCH) es: ElasticsearchClient,
    @Inject(LOGGER) logger: Logger,
    @Inject(METRICS) private readonly metrics: Metrics,
    @Inject(AUDIT_TRAIL) private readonly audit: AuditTrail,
    private readonly scheduler: SchedulerRegistry,
  ) {
    this.store = new SnapshotStore(es, settings.BACKUP_PATH);
    this.logger = logger.child({ component: 'backup' });
  }

  onApplicationBootstrap(): void {
    if (this.settings.BACKUP_CRON === 'off') return;
    // SchedulerRegistry stops the job when the app closes.
    const job = CronJob.from({ cronTime: this.settings.BACKUP_CRON, onTick: () => this.run(), timeZone: 'Asia/Shanghai' });
    this.scheduler.addCronJob(JOB, job);
    job.start();
  }

  /** One scheduled backup: never throws, so a failure cannot stop the API. */
  async run(): Promise<void> {
    try {
      const result = await this.store.backup(this.settings.BACKUP_RETAIN);
      this.metrics.backups.inc({ outcome: 'success' });
      // The snapshot stands even if its record cannot be written; say so loudly rather than count a failure.
      await this.audit
        .append({
          actor: { username: 'system', role: 'system' },
          action: 'backups.create',
          target: { type: 'snapshot', id: result.name },
          after: { state: result.state, indices: result.indices, sizeBytes: result.sizeBytes, pruned: result.pruned, scheduled: true },
          outcome: 'success',
        })
        .catch((error: unknown) => this.logger.error({ err: error, snapshot: result.name }, 'backup taken, but its audit record could not be written'));
      this.logger.info(
        { snapshot: result.name, state: result.state, indices: result.indices, sizeBytes: result.sizeBytes, durationMs: result.durationMs, pruned: result.pruned },
        'backup taken',
      );
    } catch (error) {
      if (error instanceof ProblemException && error.problem.type === 'urn:liaowang:problem:snapshot-in-progress') {
        this.metrics.backups.inc({ outcome: 'skipped' });
        this.logger.warn({ reason: error.problem.detail }, 'backup skipped: another snapshot runs');
        return;
      }
      this.metrics.backups.inc({ outcome: 'failure' });
      const detail = error instanceof ProblemException ? error.problem.detail : error instanceof Error ? error.message : String(error);
      this.logger.error({ err: error, detail }, 'backup failed');
    }
  }
}
