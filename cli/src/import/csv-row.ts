import { CsvError, parse } from 'csv-parse/sync';
import type { FieldProblem } from './source-entry';

/** The column names of the header record. */
export function parseCsvHeader(text: string): string[] {
  const [names] = parse(text, { relax_quotes: false }) as string[][];
  const clean = (names ?? []).map((name) => name.trim());
  if (clean.length === 0 || clean.some((name) => name === '')) throw new Error('the header row has an empty column name');
  return clean;
}

/**
 * One CSV record as an object: a column `author.id` fills `author.id`, `evidenceUrls.0` the first
 * element of `evidenceUrls`; an empty cell leaves its field out. Cells stay strings (CSV has no types).
 */
export function csvRowPayload(header: readonly string[], text: string): { payload: Record<string, unknown> } | { problem: FieldProblem } {
  let cells: string[];
  try {
    const rows = parse(text) as string[][];
    if (rows.length !== 1) return { problem: { field: 'record', reason: `reads as ${rows.length} records, expected one` } };
    cells = rows[0];
  } catch (error) {
    return { problem: csvProblem(header, error) };
  }
  if (cells.length !== header.length) {
    return { problem: { field: 'record', reason: `has ${cells.length} fields, the header has ${header.length}` } };
  }
  const payload: Record<string, unknown> = {};
  header.forEach((name, column) => {
    if (cells[column] !== '') setPath(payload, name.split('.'), cells[column]);
  });
  return { payload };
}

function setPath(target: Record<string, unknown>, path: string[], value: string): void {
  let node: Record<string, unknown> = target;
  path.forEach((key, depth) => {
    if (depth === path.length - 1) {
      node[key] = value;
      return;
    }
    const nextIsIndex = /^\d+$/.test(path[depth + 1]);
    node[key] ??= nextIsIndex ? [] : {};
    node = node[key] as Record<string, unknown>;
  });
}

const REASONS: Record<string, string> = {
  CSV_INVALID_CLOSING_QUOTE: 'broken quoting: a closing quote is followed by something other than a comma',
  INVALID_OPENING_QUOTE: 'broken quoting: a quote inside an unquoted field (write the field in quotes, the quote twice)',
  CSV_QUOTE_NOT_CLOSED: 'broken quoting: a quote is never closed',
};

function csvProblem(header: readonly string[], error: unknown): FieldProblem {
  if (!(error instanceof CsvError)) return { field: 'record', reason: String(error) };
  // csv-parse tells the column index of the failing field.
  const column = typeof (error as unknown as { index?: unknown }).index === 'number' ? (error as unknown as { index: number }).index : undefined;
  const field = column !== undefined && header[column] ? header[column] : 'record';
  return { field, reason: REASONS[error.code] ?? error.message };
}
