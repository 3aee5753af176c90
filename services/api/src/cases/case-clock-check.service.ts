import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { Case, CaseClock } from '@liaowang/contract';
import { LOGGER, ProblemException, SETTINGS, type Logger, type Settings } from '@liaowang/platform';
import { randomUUID } from 'node:crypto';
import { DUTY_LOOKUP, type DutyLookup, type OnDutyPeople } from '../escalation/duty-lookup';
import { NoticeDeliveryService } from '../notify/notice-delivery.service';
import { caseNoticeRecipients } from '../notify/notice-format';
import { NotifyChannelRepository } from '../notify/notify-channel.repository';
import { CLAIM_LEASE_MS } from '../escalation/escalation-firing.service';
import { dueBreaches, markNotified, noticeClaimExpired, recordBreaches, unnotifiedBreaches } from './case-clocks';
import { CaseRepository } from './case.repository';
import { CaseWriter } from './case-writer.service';

const JOB = 'liaowang-case-clock-check';
const CASES_PER_TICK = 100;
// The note of a sent notice is written after the case may have moved on; a few re-reads settle it.
const NOTE_WRITE_ATTEMPTS = 5;

type Breach = { clock: CaseClock; dueAt: string };

/**
 * R-CASE-4: every API instance looks for missed case deadlines on the escalation tick. A breach
 * is written with the version read, so of two instances that saw it one records it (the other
 * gets a conflict and finds nothing left on its next pass); the entry names the shift lead and
 * the leader on duty it escalates to, as the alerts' escalation chain finds them in the roster.
 * Only the instance that recorded it sends the notice through the channels that take
 * escalations (its claim is written with the breach), and notes in the timeline who was told; a
 * claim not noted within the escalation lease (the instance stopped) is taken over, so a notice
 * goes at least once.
 */
@Injectable()
export class CaseClockCheckService implements OnApplicationBootstrap {
  private readonly instance = randomUUID();
  private readonly logger: Logger;
  private checking?: Promise<void>;

  constructor(
    private readonly cases: CaseRepository,
    private readonly writer: CaseWriter,
    private readonly channels: NotifyChannelRepository,
    private readonly notices: NoticeDeliveryService,
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
      const recorded = await this.record(candidate, missed, onDuty, now);
      if (recorded) await this.notify(recorded, onDuty, now);
    }
    for (const stale of await this.cases.withNoticeClaimsBefore(
      new Date(now.getTime() - CLAIM_LEASE_MS),
      CASES_PER_TICK,
    )) {
      if (!noticeClaimExpired(stale, now, CLAIM_LEASE_MS)) continue;
      const claimed = await this.takeOver(stale, now);
      if (claimed) await this.notify(claimed, await this.duty.onDutyAt(now), now);
    }
  }

  /** Claims the notices another instance left unsent; undefined when someone else wrote first. */
  private async takeOver(stale: Case, now: Date): Promise<Case | undefined> {
    try {
      return await this.writer.write('system', stale.id, stale.version, (kase) => ({
        kase: { ...kase, clocks: { ...kase.clocks, noticeClaim: { by: this.instance, at: now.toISOString() } } },
        audit: {
          action: 'cases.clock.notify.takeover',
          before: { noticeClaim: kase.clocks.noticeClaim },
          detail: 'the notice of a breach was not noted within the lease; sent again',
        },
      }));
    } catch (error) {
      if (error instanceof ProblemException && error.problem.status === 409) return undefined;
      throw error;
    }
  }

  /** The breaches with their timeline entries, in one versioned write; undefined when another write won. */
  private async record(candidate: Case, missed: Breach[], onDuty: OnDutyPeople, now: Date): Promise<Case | undefined> {
    const to = caseNoticeRecipients(onDuty);
    try {
      return await this.writer.write('system', candidate.id, candidate.version, (kase) => {
        const recorded = recordBreaches(kase, missed, now);
        const timeline = recorded.timeline.map((entry, i) =>
          i >= kase.timeline.length ? { ...entry, to, detail: `${entry.detail}; escalated to ${to}` } : entry,
        );
        return {
          kase: {
            ...recorded,
            clocks: { ...recorded.clocks, noticeClaim: { by: this.instance, at: now.toISOString() } },
            timeline,
          },
          audit: {
            action: 'cases.clock.breach',
            after: { breaches: missed, escalatedTo: onDuty },
            detail: `escalated to ${to}`,
          },
        };
      });
    } catch (error) {
      // Another instance recorded it (or someone changed the case); the next pass decides again.
      if (error instanceof ProblemException && error.problem.status === 409) return undefined;
      throw error;
    }
  }

  /** Sends the notice of each breach not yet notified to the enabled channels that take escalations, then notes the outcome. */
  private async notify(kase: Case, onDuty: OnDutyPeople, at: Date): Promise<void> {
    const pending = unnotifiedBreaches(kase);
    if (pending.length === 0) return;
    const channels = (await this.channels.list()).filter((c) => c.enabled && c.escalations);
    const people = { shiftLead: onDuty.shiftLead, leaderOnDuty: onDuty.leaderOnDuty };
    const outcomes = await Promise.all(
      pending.map(async ({ clock, dueAt }) => {
        const delivered = await this.notices.deliverAll(channels, {
          subject: 'case_clock',
          kase,
          clock,
          dueAt,
          at: at.toISOString(),
          onDuty: people,
        });
        return {
          breach: { clock, dueAt },
          sentTo: channels.filter((_, i) => delivered[i]).map((c) => c.name),
          failed: channels.filter((_, i) => !delivered[i]).map((c) => c.name),
        };
      }),
    );
    await this.note(kase.id, outcomes, caseNoticeRecipients(onDuty));
  }

  private async note(
    id: string,
    outcomes: Array<{ breach: Breach; sentTo: string[]; failed: string[] }>,
    to: string,
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.writer.write('system', id, undefined, (kase) => {
          const at = new Date().toISOString();
          const entries = outcomes.map(({ breach, sentTo, failed }) => ({
            at,
            by: 'system',
            type: 'clock_breach_notified' as const,
            to,
            detail:
              sentTo.length + failed.length === 0
                ? `${breach.clock} due ${breach.dueAt}: no notify channel takes escalations`
                : `${breach.clock} due ${breach.dueAt}: delivered to ${sentTo.join(', ') || 'none'}${failed.length > 0 ? `; not delivered to ${failed.join(', ')}` : ''}`,
          }));
          const noted = markNotified(
            kase,
            outcomes.map((o) => o.breach),
            this.instance,
            at,
          );
          return {
            kase: { ...noted, timeline: [...kase.timeline, ...entries], updatedAt: at },
            audit: {
              action: 'cases.clock.notify',
              after: { notices: outcomes.map(({ breach, sentTo, failed }) => ({ ...breach, sentTo, failed })) },
              detail: `notice to ${to}`,
            },
          };
        });
        return;
      } catch (error) {
        const conflict = error instanceof ProblemException && error.problem.status === 409;
        if (!conflict || attempt >= NOTE_WRITE_ATTEMPTS) throw error;
      }
    }
  }
}
