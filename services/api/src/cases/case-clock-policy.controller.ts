import { Body, Controller, Get, Inject, Put, Req } from '@nestjs/common';
import { caseClockPolicyInputSchema, type CaseClockPolicy, type SessionUser } from '@liaowang/contract';
import {
  AUDIT_TRAIL,
  auditRequestContext,
  DescribeBody,
  parseWith,
  ProblemException,
  ProblemResponse,
  Requires,
  type AuditTrail,
  type CorrelatedRequest,
} from '@liaowang/platform';
import { CaseClockPolicyRepository, ClockPolicyVersionConflict } from './case-clock-policy.repository';

type AdminRequest = CorrelatedRequest & { user: SessionUser };

/** The clock table per grade (R-CASE-2, R-CASE-4): cases graded afterwards take the new row. */
@Controller('api/v1/case-clock-policy')
export class CaseClockPolicyController {
  constructor(
    private readonly policies: CaseClockPolicyRepository,
    @Inject(AUDIT_TRAIL) private readonly audit: AuditTrail,
  ) {}

  @Requires('cases.read')
  @Get()
  get(): Promise<CaseClockPolicy> {
    return this.policies.current();
  }

  @Requires('cases.clocks.manage')
  @Put()
  @DescribeBody(caseClockPolicyInputSchema)
  @ProblemResponse(409, 'The table was saved by someone else since `version`')
  async save(@Body() body: unknown, @Req() request: AdminRequest): Promise<CaseClockPolicy> {
    const input = parseWith(caseClockPolicyInputSchema, body);
    const before = await this.policies.current();
    if (input.version !== undefined && input.version !== before.version) throw stale(before.version);
    const next: CaseClockPolicy = {
      grades: input.grades,
      version: before.version + 1,
      updatedAt: new Date().toISOString(),
      updatedBy: request.user.username,
    };
    try {
      await this.policies.save(next);
    } catch (error) {
      if (error instanceof ClockPolicyVersionConflict) throw stale(before.version);
      throw error;
    }
    await this.audit.append({
      actor: { username: request.user.username, role: request.user.role },
      action: 'cases.clocks.save',
      target: { type: 'case-clock-policy', id: 'policy' },
      before: { version: before.version, grades: before.grades },
      after: { version: next.version, grades: next.grades },
      outcome: 'success',
      ...auditRequestContext(request),
    });
    return next;
  }
}

function stale(version: number): ProblemException {
  return new ProblemException({
    type: 'urn:liaowang:problem:conflict',
    title: 'Conflict',
    status: 409,
    detail: `The case clock table was saved by someone else (it is at version ${version}); reload and try again`,
  });
}
