import type { Line } from './line-splitter';
import { MAX_LINE_CHARS } from './line-splitter';
import type { SourceEntry } from './source-entry';

/** One JSONL line as an entry; blank lines give none (they are not counted). */
export function jsonlEntry(line: Line): SourceEntry | undefined {
  const at = { line: line.number, lastLine: line.number };
  if (line.tooLong) return { ...at, problem: { field: 'line', reason: `longer than ${MAX_LINE_CHARS} characters` } };
  if (line.text.trim() === '') return undefined;
  try {
    return { ...at, payload: JSON.parse(line.text) as unknown };
  } catch (error) {
    return { ...at, problem: { field: 'line', reason: `invalid JSON: ${error instanceof Error ? error.message : String(error)}` } };
  }
}
