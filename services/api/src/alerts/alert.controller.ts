import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  alertListQueryFields,
  dismissAlertSchema,
  promoteAlertSchema,
  type Alert,
  type AlertDetail,
  type AlertListResponse,
  type SessionUser,
} from '@liaowang/contract';
import { auditRequestContext, DescribeBody, DescribeQuery, parseWith, ProblemResponse, Requires, type CorrelatedRequest } from '@liaowang/platform';
import { z } from 'zod';
import { CaseService } from '../cases/case.service';
import { LinkedCaseLookup } from '../statements/linked-case.lookup';
import { AlertHandlingService } from './alert-handling.service';

type OfficerRequest = CorrelatedRequest & { user: SessionUser };
const alertIdParam = z.string().min(1).max(200);

/** Alerts (R-ALR-3): everyone on duty reads them; the duty officer acknowledges, dismisses, promotes. */
@Controller('api/v1/alerts')
export class AlertController {
  constructor(
    private readonly alerts: AlertHandlingService,
    private readonly cases: CaseService,
    private readonly linkedCases: LinkedCaseLookup,
  ) {}

  @Requires('alerts.read')
  @Get()
  @DescribeQuery(alertListQueryFields)
  list(@Query() query: unknown): Promise<AlertListResponse> {
    return this.alerts.list(parseWith(alertListQueryFields, query, 'query'));
  }

  @Requires('alerts.read')
  @Get(':id')
  @ProblemResponse(404, 'No such alert')
  async get(@Param('id') id: string): Promise<AlertDetail> {
    const alert = await this.alerts.get(parseWith(alertIdParam, id, 'id'));
    // 统一口径 (004 Art. 12): whoever opens the alert sees the line its case released.
    const linked = await this.linkedCases.forAlert(alert.id);
    return linked ? { ...alert, case: linked } : alert;
  }

  @Requires('alerts.ack')
  @Post(':id/ack')
  @HttpCode(200)
  @ProblemResponse(404, 'No such alert')
  @ProblemResponse(409, 'The alert changed meanwhile')
  @ProblemResponse(422, 'The move is not allowed from the alert state')
  ack(@Param('id') id: string, @Req() request: OfficerRequest): Promise<Alert> {
    return this.alerts.move(request.user, parseWith(alertIdParam, id, 'id'), 'ack', auditRequestContext(request));
  }

  @Requires('alerts.ack')
  @Post(':id/dismiss')
  @HttpCode(200)
  @DescribeBody(dismissAlertSchema)
  @ProblemResponse(404, 'No such alert')
  @ProblemResponse(409, 'The alert changed meanwhile')
  @ProblemResponse(422, 'The move is not allowed from the alert state')
  dismiss(@Param('id') id: string, @Body() body: unknown, @Req() request: OfficerRequest): Promise<Alert> {
    const { reason, note } = parseWith(dismissAlertSchema, body);
    return this.alerts.move(request.user, parseWith(alertIdParam, id, 'id'), 'dismiss', auditRequestContext(request), reason, note);
  }

  @Requires('alerts.ack')
  @Post(':id/promote')
  @HttpCode(200)
  @DescribeBody(promoteAlertSchema)
  @ProblemResponse(404, 'No such alert')
  @ProblemResponse(409, 'The alert changed meanwhile')
  @ProblemResponse(422, 'The move is not allowed from the alert state')
  async promote(@Param('id') id: string, @Body() body: unknown, @Req() request: OfficerRequest): Promise<Alert> {
    const { note } = parseWith(promoteAlertSchema, body ?? {});
    // Promotion opens a case (issue 12): the alert's timeline names it.
    const { alert } = await this.cases.openFromAlert(request.user, parseWith(alertIdParam, id, 'id'), auditRequestContext(request), {}, true, note);
    return alert;
  }
}
