import {
  PUBLIC_REPORT_PLATFORM,
  reporterAsAuthor,
  validateItemIntake,
  type ItemIntake,
  type ItemValidation,
  type PublicReport,
} from '@liaowang/contract';

/**
 * A filed public report as an item of the contract: a rumor becomes a mention, an impostor
 * account an impostor report; the receipt number is its source id, so each filing is one item.
 */
export function publicReportItem(report: PublicReport, receipt: string, now = new Date()): ItemValidation<ItemIntake> {
  const shared = { sourceId: receipt, text: report.text, reporter: report.reporter, publishedAt: now.toISOString() };
  if (report.kind === 'rumor') {
    return validateItemIntake('mention', {
      ...shared,
      platform: report.platform ?? PUBLIC_REPORT_PLATFORM,
      author: reporterAsAuthor(report.reporter),
      url: report.url,
      // The evidence links are kept with the raw payload; a mention has no field of its own for them.
    });
  }
  return validateItemIntake('impostor_report', { ...shared, reportedAccount: report.reportedAccount, evidenceUrls: report.evidenceUrls });
}
