import { Inject, Injectable } from '@nestjs/common';
import type { Case, SessionUser } from '@liaowang/contract';
import { AUDIT_TRAIL, ProblemException, type AuditRequestContext, type AuditTrail } from '@liaowang/platform';
import { CaseLiveService } from './case-live.service';
import { CaseRepository, CaseVersionConflict, type VersionedCase } from './case.repository';

export interface CaseAuditNote {
  action: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  detail?: string;
}

/**
 * Every change of a case goes through here: the version the client read is checked (409), the
 * change and its timeline entry are one write guarded by if_seq_no (409 when another write won
 * meanwhile), then the audit record and the `cases:updated` push (through the cases topic, so every
 * API instance pushes it) follow.
 */
@Injectable()
export class CaseWriter {
  constructor(
    private readonly cases: CaseRepository,
    private readonly live: CaseLiveService,
    @Inject(AUDIT_TRAIL) private readonly audit: AuditTrail,
  ) {}

  async load(id: string): Promise<VersionedCase> {
    const found = await this.cases.find(id);
    if (!found) throw caseNotFound(id);
    return found;
  }

  /** `change` returns the new case (timeline entry included) and what to audit; it may throw a ProblemException. */
  async write(
    user: SessionUser | 'system',
    id: string,
    version: number | undefined,
    change: (kase: Case) => { kase: Case; audit: CaseAuditNote },
    context: Partial<AuditRequestContext> = {},
  ): Promise<Case> {
    const current = await this.load(id);
    if (version !== undefined && current.kase.version !== version) throw staleCase(id, current.kase.version);
    const { kase, audit } = change(current.kase);
    const next: Case = {
      ...kase,
      version: current.kase.version + 1,
      updatedAt: kase.updatedAt ?? new Date().toISOString(),
    };
    try {
      await this.cases.replace(current, next);
    } catch (error) {
      if (error instanceof CaseVersionConflict) throw staleCase(id, undefined);
      throw error;
    }
    await this.audit.append({
      actor: user === 'system' ? { username: 'system', role: 'system' } : { username: user.username, role: user.role },
      action: audit.action,
      target: { type: 'case', id },
      ...(audit.before ? { before: audit.before } : {}),
      ...(audit.after ? { after: audit.after } : {}),
      ...(audit.detail ? { detail: audit.detail } : {}),
      outcome: 'success',
      ...context,
    });
    await this.live.publish(next);
    return next;
  }

  /** A case just created: audited and pushed like a change. */
  async created(user: SessionUser, kase: Case, context: AuditRequestContext): Promise<void> {
    await this.audit.append({
      actor: { username: user.username, role: user.role },
      action: 'cases.open',
      target: { type: 'case', id: kase.id },
      after: { title: kase.title, state: kase.state, source: kase.source },
      outcome: 'success',
      ...context,
    });
    await this.live.publish(kase);
  }
}

export function caseNotFound(id: string): ProblemException {
  return ProblemException.notFound(`No case ${id}`);
}

export function staleCase(id: string, version: number | undefined): ProblemException {
  return new ProblemException({
    type: 'urn:liaowang:problem:conflict',
    title: 'Conflict',
    status: 409,
    detail: `Case ${id} changed meanwhile${version !== undefined ? ` (it is at version ${version})` : ''}; reload and try again`,
  });
}

/** 422 naming the rule a change breaks. */
export function caseRuleBroken(rule: string, detail: string, field = 'state'): ProblemException {
  return new ProblemException({
    type: `urn:liaowang:problem:case-${rule}`,
    title: 'Not allowed by the case rules',
    status: 422,
    detail: `${detail} (rule ${rule})`,
    errors: [{ field, message: `rule ${rule}: ${detail}` }],
  });
}
