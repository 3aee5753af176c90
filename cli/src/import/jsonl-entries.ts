import type { Line } from './line-splitter';
import { MAX_LINE_CHARS } from './line-splitter';
import type { SourceEntry } from './source-entry';

/** Blank lines are not entries (they are not counted). */
export const isBlank = (line: Line): boolean => !line.tooLong && line.text.trim() === '';

/** One JSONL line (not blank) as the entry numbered `index`. */
export function jsonlEntry(line: Line, index: number): SourceEntry {
  const at = { index, line: line.number, lastLine: line.number };
  if (line.tooLong) return { ...at, problem: { field: 'line', reason: `longer than ${MAX_LINE_CHARS} characters` } };
  try {
    return { ...at, payload: JSON.parse(line.text) as unknown };
  } catch (error) {
    return { ...at, problem: { field: 'line', reason: `invalid JSON: ${error instanceof Error ? error.message : String(error)}` } };
  }
}
