import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import {
  statementDiffQueryFields,
  statementDraftSchema,
  statementReleaseSchema,
  statementReviseSchema,
  statementSignOffSchema,
  type SessionUser,
  type StatementDiff,
  type StatementWriteResponse,
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
import { StatementService } from './statement.service';

type StaffRequest = CorrelatedRequest & { user: SessionUser };
const idParam = z.string().min(1).max(200);

/** Statements and rumor rebuttals of a case (R-CASE-3): draft, revise, diff, sign off by tier, release. */
@Controller('api/v1/cases/:id/statements')
export class StatementController {
  constructor(private readonly statements: StatementService) {}

  /** A first draft, with what the pre-sign-off checks found in it. */
  @Requires('statements.draft')
  @Post()
  @DescribeBody(statementDraftSchema)
  @ProblemResponse(404, 'No such case')
  @ProblemResponse(409, 'The case changed since `version`')
  @ProblemResponse(422, 'The case is archived')
  draft(@Param('id') id: string, @Body() body: unknown, @Req() request: StaffRequest): Promise<StatementWriteResponse> {
    const input = parseWith(statementDraftSchema, body);
    return this.statements.draft(request.user, parseWith(idParam, id, 'id'), input, auditRequestContext(request));
  }

  /** The next version of the text, checked again; sign-offs of earlier versions lapse. */
  @Requires('statements.draft')
  @Put(':sid')
  @DescribeBody(statementReviseSchema)
  @ProblemResponse(404, 'No such case or statement')
  @ProblemResponse(409, 'The case changed since `version`')
  @ProblemResponse(422, 'The statement is released or the case archived')
  revise(
    @Param('id') id: string,
    @Param('sid') sid: string,
    @Body() body: unknown,
    @Req() request: StaffRequest,
  ): Promise<StatementWriteResponse> {
    const input = parseWith(statementReviseSchema, body);
    return this.statements.revise(
      request.user,
      parseWith(idParam, id, 'id'),
      parseWith(idParam, sid, 'sid'),
      input,
      auditRequestContext(request),
    );
  }

  /** A line diff between two text versions (default: the last two). */
  @Requires('cases.read')
  @Get(':sid/diff')
  @DescribeQuery(statementDiffQueryFields)
  @ProblemResponse(404, 'No such case, statement or version')
  diff(@Param('id') id: string, @Param('sid') sid: string, @Query() query: unknown): Promise<StatementDiff> {
    const input = parseWith(statementDiffQueryFields, query, 'query');
    return this.statements.diff(parseWith(idParam, id, 'id'), parseWith(idParam, sid, 'sid'), input);
  }

  /** The next step of the statement's tier (003 Art. 18); a role that may not give it is refused and audited. */
  @Requires('statements.signoff')
  @Post(':sid/sign-offs')
  @HttpCode(200)
  @DescribeBody(statementSignOffSchema)
  @ProblemResponse(403, "The caller's role may not give the statement's next step (audited)")
  @ProblemResponse(404, 'No such case or statement')
  @ProblemResponse(409, 'The case changed since `version`')
  @ProblemResponse(422, 'Nothing left to sign, released, the same person twice, or the case archived')
  signOff(
    @Param('id') id: string,
    @Param('sid') sid: string,
    @Body() body: unknown,
    @Req() request: StaffRequest,
  ): Promise<StatementWriteResponse> {
    const input = parseWith(statementSignOffSchema, body);
    return this.statements.signOff(
      request.user,
      parseWith(idParam, id, 'id'),
      parseWith(idParam, sid, 'sid'),
      input,
      auditRequestContext(request),
    );
  }

  /** Releases a fully signed-off statement: it becomes the case's agreed line (统一口径). */
  @Requires('statements.release')
  @Post(':sid/release')
  @HttpCode(200)
  @DescribeBody(statementReleaseSchema)
  @ProblemResponse(404, 'No such case or statement')
  @ProblemResponse(409, 'The case changed since `version`')
  @ProblemResponse(422, 'The statement is not fully signed off or the case archived')
  release(
    @Param('id') id: string,
    @Param('sid') sid: string,
    @Body() body: unknown,
    @Req() request: StaffRequest,
  ): Promise<StatementWriteResponse> {
    const input = parseWith(statementReleaseSchema, body);
    return this.statements.release(
      request.user,
      parseWith(idParam, id, 'id'),
      parseWith(idParam, sid, 'sid'),
      input,
      auditRequestContext(request),
    );
  }
}
