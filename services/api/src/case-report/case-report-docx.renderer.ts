import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { CaseReport, CaseReportTable } from '@liaowang/contract';

// Word renders with the reader's installed CJK font; naming the East Asian font keeps it from
// falling back to a Latin one (宋体 ships with every Chinese Windows and Office).
const FONT = { ascii: 'Calibri', eastAsia: 'SimSun', hAnsi: 'Calibri' };

/** The case report as Word (.docx): the same sections as the PDF, the volume as a table of counts. */
export function renderCaseReportDocx(report: CaseReport): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [run(report.title, { size: 36, bold: true })] }),
    new Paragraph({ children: [run(`生成时间：${report.generatedAt}（北京时间）`, { size: 18 })] }),
    pairTable(report.header),
    heading('概要'),
    pairTable(report.summary),
  ];
  for (const table of report.tables) children.push(heading(table.title), ...dataTable(table));
  const { bars, title, empty } = report.volume;
  children.push(heading(title));
  children.push(
    ...(bars.length === 0
      ? [new Paragraph({ children: [run(empty)] })]
      : dataTable({
          title,
          columns: ['时段', '条数', ''],
          rows: bars.map((b) => [b.label, String(b.count), '█'.repeat(barLength(b.count, bars))]),
          empty,
        })),
  );
  const document = new Document({
    creator: 'Liaowang',
    title: report.title,
    styles: { default: { document: { run: { font: FONT, size: 20 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

function run(text: string, options: { size?: number; bold?: boolean } = {}): TextRun {
  return new TextRun({ text, font: FONT, ...options });
}

function heading(text: string): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_2,
    spacing: { before: 240, after: 120 },
    children: [run(text, { size: 26, bold: true })],
  });
}

function cell(text: string, bold = false): TableCell {
  // One paragraph per line, so a multi-line statement keeps its lines.
  return new TableCell({
    children: text.split('\n').map((line) => new Paragraph({ children: [run(line, { bold, size: 18 })] })),
  });
}

const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

function pairTable(rows: Array<[string, string]>): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: rows.map(([label, value]) => new TableRow({ children: [cell(label, true), cell(value)] })),
  });
}

function dataTable(table: CaseReportTable): Array<Paragraph | Table> {
  if (table.rows.length === 0) return [new Paragraph({ alignment: AlignmentType.LEFT, children: [run(table.empty)] })];
  return [
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: table.columns.map((c) => cell(c, true)) }),
        ...table.rows.map((cells) => new TableRow({ children: cells.map((c) => cell(c)) })),
      ],
    }),
  ];
}

function barLength(count: number, bars: CaseReport['volume']['bars']): number {
  const max = Math.max(...bars.map((b) => b.count));
  return max === 0 ? 0 : Math.round((count / max) * 30);
}
