// R-CASE-6: the case report as one document model, rendered alike to PDF and Word.

/** A linked item as the report shows it: masked text only (R-ENR-5). */
export interface CaseReportItem {
  id: string;
  platform: string;
  publishedAt: string;
  masked: string;
}

export interface CaseReportTable {
  title: string;
  columns: string[];
  rows: string[][];
  /** Shown instead of an empty table. */
  empty: string;
}

export interface CaseReportBar {
  /** Start of the bucket, Beijing time (e.g. 03-05 14:00). */
  label: string;
  count: number;
}

export interface CaseReport {
  /** File name stem, ASCII: case-<id>. */
  fileStem: string;
  title: string;
  generatedAt: string;
  /** Label and value: number, title, grade in Chinese, stage, owner, times in Asia/Shanghai. */
  header: Array<[string, string]>;
  /** Summary, agreed line, closing summary, outcome, lessons. */
  summary: Array<[string, string]>;
  tables: CaseReportTable[];
  volume: { title: string; bucketHours: number; bars: CaseReportBar[]; empty: string };
}
