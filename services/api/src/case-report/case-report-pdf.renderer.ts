import PDFDocument from 'pdfkit';
import type { CaseReport, CaseReportTable } from '@liaowang/contract';
import type { ReportFont } from './report-font';

const MARGIN = 50;
const INK = '#1f2933';
const MUTED = '#52606d';
const BAR = '#3b6ea5';

/** The case report as PDF (A4), in Chinese with the CJK font embedded; the volume chart as vector bars. */
export function renderCaseReportPdf(report: CaseReport, font: ReportFont): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: report.title, Creator: 'Liaowang' } });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.path, font.family);
  doc.font('cjk');
  const width = doc.page.width - 2 * MARGIN;

  doc.fillColor(INK).fontSize(18).text(report.title, { width });
  doc.moveDown(0.3).fillColor(MUTED).fontSize(9).text(`生成时间：${report.generatedAt}（北京时间）`);
  doc.moveDown(0.8);
  pairs(doc, report.header, width);
  heading(doc, '概要', width);
  pairs(doc, report.summary, width);
  for (const table of report.tables) tableSection(doc, table, width);
  volumeChart(doc, report, width);
  doc.end();
  return done;
}

function heading(doc: PDFKit.PDFDocument, title: string, width: number): void {
  if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
  doc.moveDown(0.8).fillColor(INK).fontSize(13).text(title, MARGIN, doc.y, { width });
  doc
    .moveTo(MARGIN, doc.y + 2)
    .lineTo(MARGIN + width, doc.y + 2)
    .lineWidth(0.5)
    .strokeColor(MUTED)
    .stroke();
  doc.moveDown(0.5);
}

function pairs(doc: PDFKit.PDFDocument, rows: Array<[string, string]>, width: number): void {
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.fillColor(MUTED).fontSize(10).text(label, MARGIN, y, { width: 80 });
    doc.fillColor(INK).text(value, MARGIN + 90, y, { width: width - 90 });
    doc.moveDown(0.2);
  }
}

// Rows as wrapped cells with fixed column shares; a row that would not fit starts a new page.
function tableSection(doc: PDFKit.PDFDocument, table: CaseReportTable, width: number): void {
  heading(doc, table.title, width);
  if (table.rows.length === 0) {
    doc.fillColor(MUTED).fontSize(10).text(table.empty, MARGIN, doc.y, { width });
    return;
  }
  const columnWidth = width / table.columns.length;
  const row = (cells: string[], color: string) => {
    doc.fontSize(9);
    const height = Math.max(...cells.map((c) => doc.heightOfString(c, { width: columnWidth - 6 })));
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
    const y = doc.y;
    cells.forEach((cell, i) =>
      doc.fillColor(color).text(cell, MARGIN + i * columnWidth, y, { width: columnWidth - 6 }),
    );
    doc.x = MARGIN;
    doc.y = y + height + 4;
  };
  row(table.columns, MUTED);
  for (const cells of table.rows) row(cells, INK);
}

function volumeChart(doc: PDFKit.PDFDocument, report: CaseReport, width: number): void {
  const { bars, title, empty } = report.volume;
  heading(doc, title, width);
  if (bars.length === 0) {
    doc.fillColor(MUTED).fontSize(10).text(empty, MARGIN, doc.y, { width });
    return;
  }
  const chartHeight = 140;
  if (doc.y + chartHeight + 40 > doc.page.height - MARGIN) doc.addPage();
  const top = doc.y + 12;
  const max = Math.max(...bars.map((b) => b.count));
  const slot = width / bars.length;
  doc
    .moveTo(MARGIN, top + chartHeight)
    .lineTo(MARGIN + width, top + chartHeight)
    .lineWidth(0.5)
    .strokeColor(MUTED)
    .stroke();
  doc.fontSize(7);
  bars.forEach((bar, i) => {
    const height = max === 0 ? 0 : (bar.count / max) * chartHeight;
    const x = MARGIN + i * slot + slot * 0.15;
    if (height > 0) doc.rect(x, top + chartHeight - height, slot * 0.7, height).fill(BAR);
    if (bar.count > 0)
      doc
        .fillColor(INK)
        .text(String(bar.count), x - 4, top + chartHeight - height - 9, { width: slot * 0.7 + 8, align: 'center' });
  });
  // Every label would collide on a long chart: at most eight, evenly spread.
  const every = Math.max(1, Math.ceil(bars.length / 8));
  bars.forEach((bar, i) => {
    if (i % every === 0) doc.fillColor(MUTED).text(bar.label, MARGIN + i * slot, top + chartHeight + 4, { width: 60 });
  });
  doc.x = MARGIN;
  doc.y = top + chartHeight + 20;
}
