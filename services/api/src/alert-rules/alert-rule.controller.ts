import { Body, Controller, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import {
  alertRuleInputSchema,
  alertRuleUpdateSchema,
  type AlertRule,
  type AlertRulePreview,
  type SessionUser,
} from '@liaowang/contract';
import { auditRequestContext, DescribeBody, parseWith, ProblemResponse, Requires, type CorrelatedRequest } from '@liaowang/platform';
import { z } from 'zod';
import { AlertRulePreviewService } from './alert-rule-preview.service';
import { AlertRuleService } from './alert-rule.service';

type EditorRequest = CorrelatedRequest & { user: SessionUser };
const ruleIdParam = z.string().min(1).max(100);

/** Alert rules (R-ALR-1): everyone on duty reads them; duty officers and admins edit and backtest. */
@Controller('api/v1/alert-rules')
export class AlertRuleController {
  constructor(
    private readonly rules: AlertRuleService,
    private readonly previews: AlertRulePreviewService,
  ) {}

  @Requires('alerts.read')
  @Get()
  list(): Promise<AlertRule[]> {
    return this.rules.list();
  }

  @Requires('alerts.rules.manage')
  @Post()
  @HttpCode(201)
  @DescribeBody(alertRuleInputSchema)
  create(@Body() body: unknown, @Req() request: EditorRequest): Promise<AlertRule> {
    return this.rules.create(request.user, parseWith(alertRuleInputSchema, body), auditRequestContext(request));
  }

  /** How many alerts the rule would have raised over the last 7 days, with a sample; saves nothing. */
  @Requires('alerts.rules.manage')
  @Post('preview')
  @HttpCode(200)
  @DescribeBody(alertRuleInputSchema)
  preview(@Body() body: unknown): Promise<AlertRulePreview> {
    return this.previews.preview(parseWith(alertRuleInputSchema, body));
  }

  /** Saves a new version; `version` is the one the editor started from. */
  @Requires('alerts.rules.manage')
  @Put(':id')
  @DescribeBody(alertRuleUpdateSchema)
  @ProblemResponse(404, 'No such rule')
  @ProblemResponse(409, 'The rule was saved by someone else since `version`')
  update(@Param('id') id: string, @Body() body: unknown, @Req() request: EditorRequest): Promise<AlertRule> {
    return this.rules.update(request.user, parseWith(ruleIdParam, id, 'id'), parseWith(alertRuleUpdateSchema, body), auditRequestContext(request));
  }

  /** Every saved version, newest first. */
  @Requires('alerts.read')
  @Get(':id/versions')
  @ProblemResponse(404, 'No such rule')
  versions(@Param('id') id: string): Promise<AlertRule[]> {
    return this.rules.versions(parseWith(ruleIdParam, id, 'id'));
  }
}
