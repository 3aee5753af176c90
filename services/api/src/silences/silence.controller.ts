import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { silenceInputSchema, type SessionUser, type Silence } from '@liaowang/contract';
import { auditRequestContext, DescribeBody, parseWith, ProblemResponse, Requires, type CorrelatedRequest } from '@liaowang/platform';
import { z } from 'zod';
import { SilenceService } from './silence.service';

type EditorRequest = CorrelatedRequest & { user: SessionUser };
const silenceIdParam = z.string().min(1).max(100);

/** Silences: mute a rule for a set time, saying why (those who edit rules). */
@Controller('api/v1/silences')
export class SilenceController {
  constructor(private readonly silences: SilenceService) {}

  @Requires('alerts.rules.manage')
  @Get()
  list(): Promise<Silence[]> {
    return this.silences.list();
  }

  @Requires('alerts.rules.manage')
  @Post()
  @HttpCode(201)
  @DescribeBody(silenceInputSchema)
  @ProblemResponse(422, 'No such rule')
  create(@Body() body: unknown, @Req() request: EditorRequest): Promise<Silence> {
    return this.silences.create(request.user, parseWith(silenceInputSchema, body), auditRequestContext(request));
  }

  /** Lifts the silence now; the record stays, with who lifted it. */
  @Requires('alerts.rules.manage')
  @Delete(':id')
  @HttpCode(200)
  @ProblemResponse(404, 'No such silence')
  lift(@Param('id') id: string, @Req() request: EditorRequest): Promise<Silence> {
    return this.silences.lift(request.user, parseWith(silenceIdParam, id, 'id'), auditRequestContext(request));
  }
}
