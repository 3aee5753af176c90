import { Inject, Injectable } from '@nestjs/common';
import { itemsIndex, type CaseReportItem, type SessionUser } from '@liaowang/contract';
import {
  AUDIT_TRAIL,
  ELASTICSEARCH,
  ProblemException,
  type AuditRequestContext,
  type AuditTrail,
  type ElasticsearchClient,
} from '@liaowang/platform';
import { CaseWriter } from '../cases/case-writer.service';
import { renderCaseReportDocx } from './case-report-docx.renderer';
import { renderCaseReportPdf } from './case-report-pdf.renderer';
import { buildCaseReport } from './case-report.builder';
import { findReportFont } from './report-font';

export type CaseReportFormat = 'pdf' | 'docx';

export interface RenderedReport {
  body: Buffer;
  contentType: string;
  fileName: string;
}

const CONTENT_TYPES: Record<CaseReportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
// A case links a few hundred items at most; the chart needs only their times.
const MAX_ITEMS = 5_000;

/** The case report (R-CASE-6) as PDF or Word, from the case and its linked items (masked text only). */
@Injectable()
export class CaseReportService {
  constructor(
    private readonly writer: CaseWriter,
    @Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient,
    @Inject(AUDIT_TRAIL) private readonly audit: AuditTrail,
  ) {}

  async render(
    viewer: SessionUser,
    caseId: string,
    format: CaseReportFormat,
    context: AuditRequestContext,
  ): Promise<RenderedReport> {
    const { kase } = await this.writer.load(caseId);
    const itemIds = [
      ...new Set([
        ...kase.links.itemIds,
        ...kase.evidence.filter((e) => e.kind === 'item' && !e.removed).map((e) => e.ref),
      ]),
    ];
    const report = buildCaseReport(kase, await this.items(itemIds));
    let body: Buffer;
    if (format === 'pdf') {
      const font = findReportFont();
      if (!font) {
        throw new ProblemException({
          type: 'urn:liaowang:problem:report-font-missing',
          title: 'Report font missing',
          status: 503,
          detail:
            "No Chinese font to embed in the PDF: install Debian's fonts-noto-cjk (npm start does so as root); the Word report needs none",
        });
      }
      body = await renderCaseReportPdf(report, font);
    } else {
      body = await renderCaseReportDocx(report);
    }
    // The report holds masked text only; its export is still on the record, as it leaves the system.
    await this.audit.append({
      actor: { username: viewer.username, role: viewer.role },
      action: 'cases.report.export',
      target: { type: 'case', id: caseId },
      detail: format,
      outcome: 'success',
      ...context,
    });
    return { body, contentType: CONTENT_TYPES[format], fileName: `${report.fileStem}.${format}` };
  }

  private async items(ids: string[]): Promise<CaseReportItem[]> {
    if (ids.length === 0) return [];
    const result = await this.es.search<CaseReportItem>({
      index: itemsIndex.alias,
      size: Math.min(ids.length, MAX_ITEMS),
      query: { ids: { values: ids.slice(0, MAX_ITEMS) } },
      _source: ['id', 'platform', 'publishedAt', 'masked'],
      ignore_unavailable: true,
      allow_no_indices: true,
    });
    return result.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : []));
  }
}
