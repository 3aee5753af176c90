import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { publicReportSchema, type PublicReportReceipt } from '@liaowang/contract';
import { DescribeBody, parseWith, ProblemException, ProblemResponse, Public } from '@liaowang/platform';
import { PublicReportService } from './public-report.service';

/** Bigger than any report the page sends (2,000 characters of text and a few links). */
const MAX_BODY_BYTES = 32 * 1024;
export const PUBLIC_REPORTS_PER_HOUR = 10;

/** The route behind the public report page /report: anyone, without signing in (R-ING-2). */
@Controller('api/v1/public')
@UseGuards(ThrottlerGuard)
export class PublicReportController {
  constructor(private readonly reports: PublicReportService) {}

  @Public()
  @Post('reports')
  @HttpCode(202)
  @DescribeBody(publicReportSchema)
  @ProblemResponse(413, 'The report is larger than a report can be')
  @ProblemResponse(429, `More than ${PUBLIC_REPORTS_PER_HOUR} reports from this address in an hour: try again after Retry-After seconds`)
  @ProblemResponse(503, 'The report could not be filed now: retry after Retry-After seconds')
  fileReport(@Body() body: unknown, @Req() request: { headers: Record<string, string | undefined> }): Promise<PublicReportReceipt> {
    if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      throw new ProblemException({ type: 'urn:liaowang:problem:too-large', title: 'Report too large', status: 413, detail: `at most ${MAX_BODY_BYTES} bytes` });
    }
    return this.reports.file(parseWith(publicReportSchema, body), body);
  }
}
