import type { Line } from './line-splitter';
import { MAX_LINE_CHARS } from './line-splitter';
import type { UnreadableEntry } from './source-entry';

/** A record refused before any field is read; the caller numbers it. */
export type CsvRecordProblem = Omit<UnreadableEntry, 'index'>;

/** The text of one CSV record (its lines joined by LF) and where it lies in the file. */
export interface CsvRecordText {
  line: number;
  lastLine: number;
  text: string;
}

/** Longest record (a quoted field over many lines) held in memory before it is refused. */
export const MAX_RECORD_CHARS = 1_000_000;

const quotesIn = (text: string): number => {
  let count = 0;
  for (let at = text.indexOf('"'); at !== -1; at = text.indexOf('"', at + 1)) count++;
  return count;
};

/**
 * Groups lines into CSV records. A line break is inside a quoted field exactly when an odd number
 * of quotes came before it in the record (a quote inside quotes is written twice), so records are
 * found before any field is parsed: a record with broken quoting costs that record only, and the
 * parser never reads past it into the next ones.
 */
export class CsvRecordAssembler {
  private parts: string[] = [];
  private chars = 0;
  private firstLine = 0;
  private quoteOpen = false;

  constructor(private readonly maxChars = MAX_RECORD_CHARS) {}

  /** Feeds one line; returns a whole record, a refusal, or nothing yet (blank line, or still inside quotes). */
  push(line: Line): CsvRecordText | CsvRecordProblem | undefined {
    if (line.tooLong) {
      const first = this.quoteOpen ? this.firstLine : line.number;
      this.reset();
      return { line: first, lastLine: line.number, problem: { field: 'line', reason: `line ${line.number} is longer than ${MAX_LINE_CHARS} characters` } };
    }
    if (!this.quoteOpen) {
      if (line.text.trim() === '') return undefined;
      this.firstLine = line.number;
    }
    this.parts.push(line.text);
    this.chars += line.text.length + 1;
    if (quotesIn(line.text) % 2 === 1) this.quoteOpen = !this.quoteOpen;
    if (!this.quoteOpen) {
      const record = { line: this.firstLine, lastLine: line.number, text: this.parts.join('\n') };
      this.reset();
      return record;
    }
    if (this.chars > this.maxChars) {
      const first = this.firstLine;
      this.reset();
      return {
        line: first,
        lastLine: line.number,
        problem: { field: 'record', reason: `a quote opened on line ${first} is still open after ${this.maxChars} characters (broken quoting)` },
      };
    }
    return undefined;
  }

  /** At the end of the file: a record whose quote never closed is refused with its lines. */
  end(lastLineNumber: number): CsvRecordProblem | undefined {
    if (!this.quoteOpen) return undefined;
    const first = this.firstLine;
    this.reset();
    return { line: first, lastLine: lastLineNumber, problem: { field: 'record', reason: `a quote opened on line ${first} is never closed (broken quoting)` } };
  }

  private reset(): void {
    this.parts = [];
    this.chars = 0;
    this.quoteOpen = false;
  }
}
