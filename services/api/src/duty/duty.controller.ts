import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { handoverCreateSchema, handoverListQueryFields, type DutyNow, type Handover, type HandoverPreview, type SessionUser } from '@liaowang/contract';
import { auditRequestContext, DescribeBody, DescribeQuery, parseWith, ProblemResponse, Requires, type CorrelatedRequest } from '@liaowang/platform';
import { z } from 'zod';
import { HandoverService } from './handover.service';
import { RosterService } from './roster.service';

type SignedInRequest = CorrelatedRequest & { user: SessionUser };
const handoverIdParam = z.string().min(1).max(100);

/** The watch now and the shift handovers (R-ALR-4). */
@Controller('api/v1/duty')
export class DutyController {
  constructor(
    private readonly roster: RosterService,
    private readonly handovers: HandoverService,
  ) {}

  /** The shift on watch now with its people, the next shift, and `gap` when nobody is on watch. */
  @Requires('duty.read')
  @Get('now')
  now(): Promise<DutyNow> {
    return this.roster.now();
  }

  /** Newest first. */
  @Requires('duty.read')
  @Get('handovers')
  @DescribeQuery(handoverListQueryFields)
  list(@Query() query: unknown): Promise<Handover[]> {
    return this.handovers.list(parseWith(handoverListQueryFields, query, 'query').limit);
  }

  /** The outgoing shift and its summary so far, for the officer writing the note; stores nothing. */
  @Requires('duty.read')
  @Get('handovers/preview')
  @ProblemResponse(422, 'The roster has no shift to hand over')
  preview(): Promise<HandoverPreview> {
    return this.handovers.preview();
  }

  /** The outgoing officer's note, stored with a summary of the shift generated now. */
  @Requires('duty.handover')
  @Post('handovers')
  @HttpCode(201)
  @DescribeBody(handoverCreateSchema)
  @ProblemResponse(422, 'The roster has no shift to hand over')
  create(@Body() body: unknown, @Req() request: SignedInRequest): Promise<Handover> {
    return this.handovers.create(request.user, parseWith(handoverCreateSchema, body).note, auditRequestContext(request));
  }

  /** The incoming officer confirms; the writer may not. */
  @Requires('duty.handover')
  @Post('handovers/:id/confirm')
  @HttpCode(200)
  @ProblemResponse(404, 'No such handover')
  @ProblemResponse(409, 'The handover was confirmed already')
  @ProblemResponse(422, 'The writer cannot confirm their own handover')
  confirm(@Param('id') id: string, @Req() request: SignedInRequest): Promise<Handover> {
    return this.handovers.confirm(request.user, parseWith(handoverIdParam, id, 'id'), auditRequestContext(request));
  }
}
