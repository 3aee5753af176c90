import { Inject, Injectable } from '@nestjs/common';
import type { Handover, HandoverPreview, SessionUser } from '@liaowang/contract';
import { AUDIT_TRAIL, ProblemException, type AuditRequestContext, type AuditTrail } from '@liaowang/platform';
import { randomUUID } from 'node:crypto';
import { HandoverRepository, HandoverVersionConflict } from './handover.repository';
import { RosterRepository } from './roster.repository';
import { inShanghai, shiftAt } from './roster-logic';
import { ShiftSummaryService } from './shift-summary.service';

/**
 * Shift handover (R-ALR-4, `duty.handover`): the outgoing duty officer writes a note, stored with
 * a summary of the shift generated at that moment; another officer, normally the incoming one,
 * confirms it. Both steps are audited.
 */
@Injectable()
export class HandoverService {
  constructor(
    private readonly handovers: HandoverRepository,
    private readonly roster: RosterRepository,
    private readonly summaries: ShiftSummaryService,
    @Inject(AUDIT_TRAIL) private readonly audit: AuditTrail,
  ) {}

  list(limit: number): Promise<Handover[]> {
    return this.handovers.newest(limit);
  }

  /** What a handover written now would carry: the outgoing shift, the incoming officer, the summary so far. */
  async preview(now = new Date()): Promise<HandoverPreview> {
    const iso = now.toISOString();
    const [covering, ended, upcoming] = await Promise.all([
      this.roster.overlapping(iso, new Date(now.getTime() + 1).toISOString()),
      this.roster.lastEndedBy(iso),
      this.roster.nextAfter(iso),
    ]);
    // The shift being handed over: the one on now, or, in a gap, the one that ended last.
    const shift = shiftAt(covering, now) ?? ended;
    if (!shift) throw brokenRule('handover-no-shift', 'note', 'the roster has no shift on now or before now to hand over');
    return {
      shift,
      ...(upcoming ? { incoming: upcoming.dutyOfficer } : {}),
      // Up to this very moment: a time cut to the second would leave out what was raised in it.
      summary: await this.summaries.summarize(shift.startsAt, new Date(now.getTime() + 1).toISOString()),
    };
  }

  async create(writer: SessionUser, note: string, context: AuditRequestContext): Promise<Handover> {
    const now = new Date();
    const handover: Handover = {
      id: `handover-${randomUUID()}`,
      state: 'written',
      note,
      writtenBy: writer.username,
      writtenAt: inShanghai(now),
      ...(await this.preview(now)),
    };
    await this.handovers.create(handover);
    await this.record(writer, 'duty.handover.create', handover, context);
    return handover;
  }

  async confirm(user: SessionUser, id: string, context: AuditRequestContext): Promise<Handover> {
    const current = await this.handovers.find(id);
    if (!current) throw ProblemException.notFound(`No handover ${id}`);
    if (current.handover.state === 'confirmed') throw conflict(`Handover ${id} was confirmed by ${current.handover.confirmedBy} already`);
    // A handover passes the watch to someone else; the writer confirming it would prove nothing.
    if (current.handover.writtenBy === user.username) {
      throw brokenRule('handover-self-confirm', 'confirmedBy', 'the incoming officer confirms, not the one who wrote the handover');
    }
    const confirmed: Handover = { ...current.handover, state: 'confirmed', confirmedBy: user.username, confirmedAt: inShanghai(new Date()) };
    try {
      await this.handovers.replace(current, confirmed);
    } catch (error) {
      if (error instanceof HandoverVersionConflict) throw conflict(`Handover ${id} was confirmed meanwhile`);
      throw error;
    }
    await this.record(user, 'duty.handover.confirm', confirmed, context, current.handover);
    return confirmed;
  }

  private async record(user: SessionUser, action: string, after: Handover, context: AuditRequestContext, before?: Handover): Promise<void> {
    await this.audit.append({
      actor: { username: user.username, role: user.role },
      action,
      target: { type: 'handover', id: after.id },
      ...(before ? { before: { ...before } } : {}),
      after: { ...after },
      outcome: 'success',
      ...context,
    });
  }
}

function brokenRule(rule: string, field: string, message: string): ProblemException {
  return new ProblemException({
    type: `urn:liaowang:problem:${rule}`,
    title: 'Handover rule broken',
    status: 422,
    detail: `${field}: ${message}`,
    errors: [{ field, message }],
  });
}

function conflict(detail: string): ProblemException {
  return new ProblemException({ type: 'urn:liaowang:problem:conflict', title: 'Conflict', status: 409, detail });
}
