import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Req } from '@nestjs/common';
import {
  caseAssessmentSchema,
  caseEvidenceAddSchema,
  caseEvidenceRemoveSchema,
  caseListQueryFields,
  caseReferralCreateSchema,
  caseReferralReplySchema,
  caseTaskCreateSchema,
  caseTaskUpdateSchema,
  caseTransitionSchema,
  createCaseSchema,
  type Case,
  type CaseListResponse,
  type SessionUser,
} from '@liaowang/contract';
import {
  auditRequestContext,
  DescribeBody,
  DescribeQuery,
  parseWith,
  ProblemResponse,
  Requires,
  type CorrelatedRequest,
} from '@liaowang/platform';
import { z } from 'zod';
import { CaseWorkService } from './case-work.service';
import { CaseService } from './case.service';

type StaffRequest = CorrelatedRequest & { user: SessionUser };
const idParam = z.string().min(1).max(200);

/** Cases (R-CASE-1…5): opened, moved, graded and worked on; every write names the version it read. */
@Controller('api/v1/cases')
export class CaseController {
  constructor(
    private readonly cases: CaseService,
    private readonly work: CaseWorkService,
  ) {}

  @Requires('cases.transition')
  @Post()
  @DescribeBody(createCaseSchema)
  @ProblemResponse(404, 'No such alert or impostor report')
  open(@Body() body: unknown, @Req() request: StaffRequest): Promise<Case> {
    return this.cases.open(request.user, parseWith(createCaseSchema, body), auditRequestContext(request));
  }

  @Requires('cases.read')
  @Get()
  @DescribeQuery(caseListQueryFields)
  list(@Query() query: unknown): Promise<CaseListResponse> {
    return this.cases.list(parseWith(caseListQueryFields, query, 'query'));
  }

  @Requires('cases.read')
  @Get(':id')
  @ProblemResponse(404, 'No such case')
  get(@Param('id') id: string): Promise<Case> {
    return this.cases.get(parseWith(idParam, id, 'id'));
  }

  @Requires('cases.transition')
  @Post(':id/transitions')
  @HttpCode(200)
  @DescribeBody(caseTransitionSchema)
  @ProblemResponse(404, 'No such case')
  @ProblemResponse(409, 'The case changed since `version`')
  @ProblemResponse(422, 'The move is not in the table or a rule it needs is not met (named in the answer)')
  transition(@Param('id') id: string, @Body() body: unknown, @Req() request: StaffRequest): Promise<Case> {
    return this.cases.transition(
      request.user,
      parseWith(idParam, id, 'id'),
      parseWith(caseTransitionSchema, body),
      auditRequestContext(request),
    );
  }

  @Requires('cases.transition')
  @Put(':id/assessment')
  @DescribeBody(caseAssessmentSchema)
  @ProblemResponse(404, 'No such case')
  @ProblemResponse(409, 'The case changed since `version`')
  @ProblemResponse(422, 'The case is archived')
  assess(@Param('id') id: string, @Body() body: unknown, @Req() request: StaffRequest): Promise<Case> {
    return this.cases.assess(
      request.user,
      parseWith(idParam, id, 'id'),
      parseWith(caseAssessmentSchema, body),
      auditRequestContext(request),
    );
  }

  @Requires('cases.work')
  @Post(':id/tasks')
  @DescribeBody(caseTaskCreateSchema)
  @ProblemResponse(404, 'No such case')
  @ProblemResponse(409, 'The case changed since `version`')
  @ProblemResponse(422, 'The case is archived')
  addTask(@Param('id') id: string, @Body() body: unknown, @Req() request: StaffRequest): Promise<Case> {
    return this.work.addTask(
      request.user,
      parseWith(idParam, id, 'id'),
      parseWith(caseTaskCreateSchema, body),
      auditRequestContext(request),
    );
  }

  @Requires('cases.work')
  @Patch(':id/tasks/:taskId')
  @DescribeBody(caseTaskUpdateSchema)
  @ProblemResponse(404, 'No such case or task')
  @ProblemResponse(409, 'The case changed since `version`')
  @ProblemResponse(422, 'The case is archived')
  updateTask(
    @Param('id') id: string,
    @Param('taskId') taskId: string,
    @Body() body: unknown,
    @Req() request: StaffRequest,
  ): Promise<Case> {
    const input = parseWith(caseTaskUpdateSchema, body);
    return this.work.updateTask(
      request.user,
      parseWith(idParam, id, 'id'),
      parseWith(idParam, taskId, 'taskId'),
      input,
      auditRequestContext(request),
    );
  }

  @Requires('cases.work')
  @Post(':id/referrals')
  @DescribeBody(caseReferralCreateSchema)
  @ProblemResponse(404, 'No such case')
  @ProblemResponse(409, 'The case changed since `version`')
  @ProblemResponse(422, 'The case is archived')
  addReferral(@Param('id') id: string, @Body() body: unknown, @Req() request: StaffRequest): Promise<Case> {
    return this.work.addReferral(
      request.user,
      parseWith(idParam, id, 'id'),
      parseWith(caseReferralCreateSchema, body),
      auditRequestContext(request),
    );
  }

  @Requires('cases.work')
  @Patch(':id/referrals/:referralId')
  @DescribeBody(caseReferralReplySchema)
  @ProblemResponse(404, 'No such case or referral')
  @ProblemResponse(409, 'The case changed since `version`')
  @ProblemResponse(422, 'The reply is already recorded')
  replyReferral(
    @Param('id') id: string,
    @Param('referralId') referralId: string,
    @Body() body: unknown,
    @Req() request: StaffRequest,
  ): Promise<Case> {
    const input = parseWith(caseReferralReplySchema, body);
    return this.work.replyReferral(
      request.user,
      parseWith(idParam, id, 'id'),
      parseWith(idParam, referralId, 'referralId'),
      input,
      auditRequestContext(request),
    );
  }

  @Requires('cases.work')
  @Post(':id/evidence')
  @DescribeBody(caseEvidenceAddSchema)
  @ProblemResponse(404, 'No such case')
  @ProblemResponse(409, 'The case changed since `version`')
  @ProblemResponse(422, 'The file is too large or not of its type, or the case is archived')
  addEvidence(@Param('id') id: string, @Body() body: unknown, @Req() request: StaffRequest): Promise<Case> {
    return this.work.addEvidence(
      request.user,
      parseWith(idParam, id, 'id'),
      parseWith(caseEvidenceAddSchema, body),
      auditRequestContext(request),
    );
  }

  @Requires('cases.work')
  @Delete(':id/evidence/:evidenceId')
  @DescribeBody(caseEvidenceRemoveSchema)
  @ProblemResponse(404, 'No such case or evidence')
  @ProblemResponse(409, 'The case changed since `version`')
  @ProblemResponse(422, 'The evidence is already unlinked')
  removeEvidence(
    @Param('id') id: string,
    @Param('evidenceId') evidenceId: string,
    @Body() body: unknown,
    @Req() request: StaffRequest,
  ): Promise<Case> {
    const input = parseWith(caseEvidenceRemoveSchema, body);
    return this.work.removeEvidence(
      request.user,
      parseWith(idParam, id, 'id'),
      parseWith(idParam, evidenceId, 'evidenceId'),
      input,
      auditRequestContext(request),
    );
  }
}
