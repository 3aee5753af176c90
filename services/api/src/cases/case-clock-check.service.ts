import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { LOGGER, ProblemException, SETTINGS, type Logger, type Settings } from '@liaowang/platform';
import { DUTY_LOOKUP, type DutyLookup } from '../escalation/duty-lookup';
import { dueBreaches, recordBreaches } from './case-clocks';
import { CaseRepository } from './case.repository';
import { CaseWriter } from './case-writer.service';

const JOB = 'liaowang-case-clock-check';
const CASES_PER_TICK = 100;

/**
 * R-CASE-4: every API instance looks for missed case deadlines on the escalation tick. A breach
 * is written with the version read, so of two instances that saw it one records it (the other
 * gets a conflict and finds nothing left on its next pass); the entry names the shift lead and
 * the leader on duty it escalates to, as the alerts' escalation chain finds them in the roster.
 */
@Injectable()
export class CaseClockCheckService implements OnApplicationBootstrap {
  private readonly logger: Logger;
  private checking?: Promise<void>;

  constructor(
    private readonly cases: CaseRepository,
    private readonly writer: CaseWriter,
    @Inject(DUTY_LOOKUP) private readonly duty: DutyLookup,
    @Inject(SETTINGS) private readonly settings: Settings,
    @Inject(LOGGER) logger: Logger,
    private readonly scheduler: SchedulerRegistry,
  ) {
    this.logger = logger.child({ component: 'case-clocks' });
  }

  onApplicationBootstrap(): void {
    const interval = setInterval(() => void this.tick(), this.settings.ESCALATION_TICK_SECONDS * 1000);
    this.scheduler.addInterval(JOB, interval);
  }

  /** One pass; a pass still running makes the next tick skip. Never throws. */
  tick(): Promise<void> {
    this.checking ??= this.check()
      .catch((error) => this.logger.error({ err: error }, 'case clock check failed'))
      .finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async check(): Promise<void> {
    const now = new Date();
    for (const candidate of await this.cases.withDeadlinesBefore(now, CASES_PER_TICK)) {
      const missed = dueBreaches(candidate, now);
      if (missed.length === 0) continue;
      const onDuty = await this.duty.onDutyAt(now);
      const to =
        [onDuty.shiftLead && `值班长 ${onDuty.shiftLead}`, onDuty.leaderOnDuty && `带班领导 ${onDuty.leaderOnDuty}`]
          .filter(Boolean)
          .join('、') || '（排班无人）';
      try {
        await this.writer.write('system', candidate.id, candidate.version, (kase) => {
          const recorded = recordBreaches(kase, missed, now);
          const timeline = recorded.timeline.map((entry, i) =>
            i >= kase.timeline.length ? { ...entry, to, detail: `${entry.detail}; escalated to ${to}` } : entry,
          );
          return {
            kase: { ...recorded, timeline },
            audit: {
              action: 'cases.clock.breach',
              after: { breaches: missed, escalatedTo: onDuty },
              detail: `escalated to ${to}`,
            },
          };
        });
      } catch (error) {
        // Another instance recorded it (or someone changed the case); the next pass decides again.
        if (error instanceof ProblemException && error.problem.status === 409) continue;
        throw error;
      }
    }
  }
}
