import { Inject, Injectable } from '@nestjs/common';
import {
  ROSTER_MAX_RANGE_DAYS,
  type DutyNow,
  type OnDuty,
  type RosterQuery,
  type RosterReplace,
  type RosterView,
  type SessionUser,
  type Shift,
} from '@liaowang/contract';
import { AUDIT_TRAIL, ProblemException, type AuditRequestContext, type AuditTrail } from '@liaowang/platform';
import { randomUUID } from 'node:crypto';
import { DutyPeople } from './duty-people';
import { RosterRepository, RosterVersionConflict } from './roster.repository';
import { checkRoster, findGaps, findOverlaps, inShanghai, onDutyFrom, rosterDays, shiftAt, weekOf } from './roster-logic';

/**
 * The duty roster (R-ALR-4): who is on watch when. Admins replace the shifts of a range in one go
 * (`roster.manage`), guarded by the roster version; everyone on duty reads it and who is on watch.
 */
@Injectable()
export class RosterService {
  constructor(
    private readonly roster: RosterRepository,
    private readonly people: DutyPeople,
    @Inject(AUDIT_TRAIL) private readonly audit: AuditTrail,
  ) {}

  async view(query: RosterQuery): Promise<RosterView> {
    const week = weekOf(new Date());
    const from = inShanghai(query.from ?? week.startsAt);
    const to = inShanghai(query.to ?? week.endsAt);
    assertRange(from, to);
    const [head, shifts] = await Promise.all([this.roster.head(), this.roster.overlapping(from, to)]);
    return {
      from,
      to,
      version: head.version,
      shifts: await this.people.named(shifts),
      gaps: findGaps(shifts, from, to),
      overlaps: findOverlaps(shifts),
      days: rosterDays(from, to),
    };
  }

  /**
   * Who holds each post at `at` (usernames; none in a gap). For escalation: the shift lead and the
   * leader on duty are told when the duty officer does not react.
   */
  async onDutyAt(at: Date): Promise<OnDuty> {
    const iso = at.toISOString();
    return onDutyFrom(await this.roster.overlapping(iso, new Date(at.getTime() + 1).toISOString()), at);
  }

  async now(at = new Date()): Promise<DutyNow> {
    const iso = at.toISOString();
    const [covering, next] = await Promise.all([
      this.roster.overlapping(iso, new Date(at.getTime() + 1).toISOString()),
      this.roster.nextAfter(iso),
    ]);
    const current = shiftAt(covering, at);
    const named = await this.people.named([current, next].filter((s): s is Shift => s !== undefined));
    const namedNext = current ? named[1] : named[0];
    return { at: inShanghai(at), ...(current ? { current: named[0] } : {}), ...(namedNext ? { next: namedNext } : {}), gap: !current };
  }

  async replace(admin: SessionUser, request: RosterReplace, context: AuditRequestContext): Promise<RosterView> {
    const from = inShanghai(request.from);
    const to = inShanghai(request.to);
    assertRange(from, to);
    const head = await this.roster.head();
    if (head.version !== request.version) throw stale(head.version);
    const before = await this.roster.overlapping(from, to);
    const version = head.version + 1;
    const shifts: Shift[] = request.shifts.map((input) => ({
      id: input.id ?? `shift-${randomUUID()}`,
      startsAt: inShanghai(input.startsAt),
      endsAt: inShanghai(input.endsAt),
      dutyOfficer: input.dutyOfficer,
      ...(input.shiftLead ? { shiftLead: input.shiftLead } : {}),
      ...(input.leaderOnDuty ? { leaderOnDuty: input.leaderOnDuty } : {}),
      ...(input.note ? { note: input.note } : {}),
      version,
    }));
    // Shifts that reach past the range stay unless replaced: the new ones must not clash with them.
    const reach = [from, to, ...shifts.flatMap((s) => [s.startsAt, s.endsAt])].map(Date.parse);
    const around = await this.roster.overlapping(new Date(Math.min(...reach)).toISOString(), new Date(Math.max(...reach)).toISOString());
    const replacedIds = new Set(before.map((s) => s.id));
    const breach = checkRoster(from, to, shifts, around.filter((s) => !replacedIds.has(s.id)));
    if (breach) throw brokenRule(`roster-${breach.rule}`, breach.field, breach.message);
    const postBreach = await this.people.firstBreach(shifts);
    if (postBreach) throw brokenRule('roster-post-role', postBreach.field, postBreach.message);
    try {
      await this.roster.claim(head, version, admin.username);
    } catch (error) {
      if (error instanceof RosterVersionConflict) throw stale(head.version);
      throw error;
    }
    await this.roster.replace([...replacedIds], shifts);
    await this.audit.append({
      actor: { username: admin.username, role: admin.role },
      action: 'roster.replace',
      target: { type: 'roster', id: `${from}/${to}` },
      before: { version: head.version, shifts: before },
      after: { version, shifts },
      outcome: 'success',
      ...context,
    });
    return this.view({ from, to });
  }
}

function assertRange(from: string, to: string): void {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (days <= 0) throw brokenRule('roster-range', 'to', 'to must be after from');
  if (days > ROSTER_MAX_RANGE_DAYS) throw brokenRule('roster-range', 'to', `a range spans at most ${ROSTER_MAX_RANGE_DAYS} days`);
}

function brokenRule(rule: string, field: string, message: string): ProblemException {
  return new ProblemException({
    type: `urn:liaowang:problem:${rule}`,
    title: 'Roster rule broken',
    status: 422,
    detail: `${field}: ${message}`,
    errors: [{ field, message }],
  });
}

function stale(current: number): ProblemException {
  return new ProblemException({
    type: 'urn:liaowang:problem:conflict',
    title: 'Conflict',
    status: 409,
    detail: `The roster is at version ${current} now: someone saved it meanwhile; reload and try again`,
  });
}
