import { Body, Controller, Get, Put, Query, Req } from '@nestjs/common';
import { rosterQueryFields, rosterReplaceSchema, type RosterView, type SessionUser } from '@liaowang/contract';
import { auditRequestContext, DescribeBody, DescribeQuery, parseWith, ProblemResponse, Requires, type CorrelatedRequest } from '@liaowang/platform';
import { RosterService } from './roster.service';

type SignedInRequest = CorrelatedRequest & { user: SessionUser };

/** The duty roster (R-ALR-4): everyone on duty reads it, admins replace the shifts of a range. */
@Controller('api/v1/roster')
export class RosterController {
  constructor(private readonly roster: RosterService) {}

  /** Shifts overlapping [from, to) (default: this week, Beijing time), with gaps, overlaps and holidays. */
  @Requires('duty.read')
  @Get()
  @DescribeQuery(rosterQueryFields)
  @ProblemResponse(422, 'The range ends before it starts or is too long')
  view(@Query() query: unknown): Promise<RosterView> {
    return this.roster.view(parseWith(rosterQueryFields, query, 'query'));
  }

  /** Replaces every shift overlapping [from, to) with `shifts`; `version` is the roster version read. */
  @Requires('roster.manage')
  @Put()
  @DescribeBody(rosterReplaceSchema)
  @ProblemResponse(409, 'The roster was saved by someone else since `version`')
  @ProblemResponse(422, 'A shift ends before it starts, overlaps another, or a post is held by someone who may not hold it')
  replace(@Body() body: unknown, @Req() request: SignedInRequest): Promise<RosterView> {
    return this.roster.replace(request.user, parseWith(rosterReplaceSchema, body), auditRequestContext(request));
  }
}
