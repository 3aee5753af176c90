import { Inject, Injectable } from '@nestjs/common';
import type { EscalationPolicy, EscalationPolicyInput, SessionUser } from '@liaowang/contract';
import { AUDIT_TRAIL, ProblemException, type AuditRequestContext, type AuditTrail } from '@liaowang/platform';
import { EscalationPolicyRepository, PolicyVersionConflict } from './escalation-policy.repository';

/** The escalation policy (R-ALR-3): admins edit it; alerts raised afterwards take the new chain. */
@Injectable()
export class EscalationPolicyService {
  constructor(
    private readonly policies: EscalationPolicyRepository,
    @Inject(AUDIT_TRAIL) private readonly audit: AuditTrail,
  ) {}

  current(): Promise<EscalationPolicy> {
    return this.policies.current();
  }

  async save(admin: SessionUser, input: EscalationPolicyInput, context: AuditRequestContext): Promise<EscalationPolicy> {
    const before = await this.policies.current();
    if (input.version !== undefined && input.version !== before.version) throw stale(before.version);
    const next: EscalationPolicy = { steps: input.steps, version: before.version + 1, updatedAt: new Date().toISOString(), updatedBy: admin.username };
    try {
      await this.policies.save(next);
    } catch (error) {
      if (error instanceof PolicyVersionConflict) throw stale(before.version);
      throw error;
    }
    await this.audit.append({
      actor: { username: admin.username, role: admin.role },
      action: 'escalation.policy.save',
      target: { type: 'escalation-policy', id: 'policy' },
      before: { version: before.version, steps: before.steps },
      after: { version: next.version, steps: next.steps },
      outcome: 'success',
      ...context,
    });
    return next;
  }
}

function stale(version: number): ProblemException {
  return new ProblemException({
    type: 'urn:liaowang:problem:conflict',
    title: 'Conflict',
    status: 409,
    detail: `The escalation policy was saved by someone else (it is at version ${version}); reload and try again`,
  });
}
