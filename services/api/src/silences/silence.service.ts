import { Inject, Injectable } from '@nestjs/common';
import type { SessionUser, Silence, SilenceInput } from '@liaowang/contract';
import { AUDIT_TRAIL, ProblemException, type AuditRequestContext, type AuditTrail } from '@liaowang/platform';
import { randomUUID } from 'node:crypto';
import { AlertRuleRepository } from '../alert-rules/alert-rule.repository';
import { SilenceRepository } from './silence.repository';

/**
 * Silences (R-ALR-3): a rule muted until a time, with who and why. The stream's rule book leaves
 * a silenced rule out while the silence lasts; lifting one early keeps its record.
 */
@Injectable()
export class SilenceService {
  constructor(
    private readonly silences: SilenceRepository,
    private readonly rules: AlertRuleRepository,
    @Inject(AUDIT_TRAIL) private readonly audit: AuditTrail,
  ) {}

  list(): Promise<Silence[]> {
    return this.silences.list();
  }

  async create(user: SessionUser, input: SilenceInput, context: AuditRequestContext): Promise<Silence> {
    if (!(await this.rules.find(input.ruleId))) {
      throw new ProblemException({
        type: 'urn:liaowang:problem:unknown-rule',
        title: 'Unknown rule',
        status: 422,
        detail: `No alert rule ${input.ruleId}`,
        errors: [{ field: 'ruleId', message: 'no such rule' }],
      });
    }
    const silence: Silence = {
      id: randomUUID(),
      ruleId: input.ruleId,
      until: new Date(input.until).toISOString(),
      reason: input.reason,
      createdAt: new Date().toISOString(),
      createdBy: user.username,
    };
    await this.silences.save(silence);
    await this.audit.append({
      actor: { username: user.username, role: user.role },
      action: 'alerts.silence',
      target: { type: 'alert-rule', id: silence.ruleId },
      after: { silenceId: silence.id, until: silence.until },
      detail: silence.reason,
      outcome: 'success',
      ...context,
    });
    return silence;
  }

  async lift(user: SessionUser, id: string, context: AuditRequestContext): Promise<Silence> {
    const current = await this.silences.find(id);
    if (!current) throw ProblemException.notFound(`No silence ${id}`);
    if (current.liftedAt) return current;
    const lifted: Silence = { ...current, liftedAt: new Date().toISOString(), liftedBy: user.username };
    await this.silences.save(lifted);
    await this.audit.append({
      actor: { username: user.username, role: user.role },
      action: 'alerts.silence.lift',
      target: { type: 'alert-rule', id: current.ruleId },
      before: { silenceId: id, until: current.until },
      after: { silenceId: id, liftedAt: lifted.liftedAt },
      outcome: 'success',
      ...context,
    });
    return lifted;
  }
}
