import { Body, Controller, Get, Param, Put, Req, Res, StreamableFile } from '@nestjs/common';
import { caseClosingSchema, type Case, type SessionUser } from '@liaowang/contract';
import {
  auditRequestContext,
  DescribeBody,
  parseWith,
  ProblemResponse,
  Requires,
  type CorrelatedRequest,
} from '@liaowang/platform';
import { z } from 'zod';
import { CaseClosingService } from './case-closing.service';
import { CaseReportService, type CaseReportFormat } from './case-report.service';

type StaffRequest = CorrelatedRequest & { user: SessionUser };
const idParam = z.string().min(1).max(200);
/** The part of the HTTP response the report sets. */
interface HeaderSink {
  setHeader(name: string, value: string): unknown;
}

/** The closing of a case and its report (R-CASE-6). */
@Controller('api/v1/cases/:id')
export class CaseReportController {
  constructor(
    private readonly closing: CaseClosingService,
    private readonly reports: CaseReportService,
  ) {}

  /** Closing summary, outcome and lessons; archiving needs them. */
  @Requires('cases.work')
  @Put('closing')
  @DescribeBody(caseClosingSchema)
  @ProblemResponse(404, 'No such case')
  @ProblemResponse(409, 'The case changed since `version`')
  @ProblemResponse(422, 'The case is archived')
  writeClosing(@Param('id') id: string, @Body() body: unknown, @Req() request: StaffRequest): Promise<Case> {
    const input = parseWith(caseClosingSchema, body);
    return this.closing.write(request.user, parseWith(idParam, id, 'id'), input, auditRequestContext(request));
  }

  /** The case report as PDF, in Chinese with the font embedded. */
  @Requires('cases.read')
  @Get('report.pdf')
  @ProblemResponse(404, 'No such case')
  @ProblemResponse(503, 'No Chinese font installed to embed')
  pdf(
    @Param('id') id: string,
    @Req() request: StaffRequest,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<StreamableFile> {
    return this.send('pdf', id, request, response);
  }

  /** The case report as Word (.docx). */
  @Requires('cases.read')
  @Get('report.docx')
  @ProblemResponse(404, 'No such case')
  docx(
    @Param('id') id: string,
    @Req() request: StaffRequest,
    @Res({ passthrough: true }) response: HeaderSink,
  ): Promise<StreamableFile> {
    return this.send('docx', id, request, response);
  }

  private async send(
    format: CaseReportFormat,
    id: string,
    request: StaffRequest,
    response: HeaderSink,
  ): Promise<StreamableFile> {
    const report = await this.reports.render(
      request.user,
      parseWith(idParam, id, 'id'),
      format,
      auditRequestContext(request),
    );
    response.setHeader('Content-Disposition', `attachment; filename="${report.fileName}"`);
    return new StreamableFile(report.body, { type: report.contentType, length: report.body.length });
  }
}
