import { Body, Controller, Get, Put, Req } from '@nestjs/common';
import { escalationPolicyInputSchema, type EscalationPolicy, type SessionUser } from '@liaowang/contract';
import { auditRequestContext, DescribeBody, parseWith, ProblemResponse, Requires, type CorrelatedRequest } from '@liaowang/platform';
import { EscalationPolicyService } from './escalation-policy.service';

type AdminRequest = CorrelatedRequest & { user: SessionUser };

/** The escalation chain per severity (R-ALR-3), for admins. */
@Controller('api/v1/escalation-policy')
export class EscalationPolicyController {
  constructor(private readonly policies: EscalationPolicyService) {}

  @Requires('escalation.manage')
  @Get()
  get(): Promise<EscalationPolicy> {
    return this.policies.current();
  }

  /** Replaces the chains; `version` is the one the editor started from (409 when stale). */
  @Requires('escalation.manage')
  @Put()
  @DescribeBody(escalationPolicyInputSchema)
  @ProblemResponse(409, 'The policy was saved by someone else since `version`')
  save(@Body() body: unknown, @Req() request: AdminRequest): Promise<EscalationPolicy> {
    return this.policies.save(request.user, parseWith(escalationPolicyInputSchema, body), auditRequestContext(request));
  }
}
