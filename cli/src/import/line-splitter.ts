/** One physical line of the file, numbered from 1, without its line break. */
export interface Line {
  number: number;
  text: string;
  /** The line ran past the limit: its text was dropped rather than held in memory. */
  tooLong: boolean;
}

/** Longest line kept in memory; a longer one is rejected by number (a 1 GB file without line breaks must not fill memory). */
export const MAX_LINE_CHARS = 1_000_000;

/**
 * Cuts decoded text, arriving in chunks of any size, into numbered lines (LF or CRLF).
 * Holds at most one unfinished line, and at most `maxChars` of it.
 */
export class LineSplitter {
  private carry = '';
  private carryTooLong = false;
  private lineNumber = 0;

  constructor(private readonly maxChars = MAX_LINE_CHARS) {}

  push(chunk: string): Line[] {
    const lines: Line[] = [];
    let start = 0;
    for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
      this.append(chunk.slice(start, end));
      lines.push(this.finishLine());
      start = end + 1;
    }
    this.append(chunk.slice(start));
    return lines;
  }

  /** The last line, if the file does not end with a line break. */
  end(): Line[] {
    return this.carry.length > 0 || this.carryTooLong ? [this.finishLine()] : [];
  }

  private append(piece: string): void {
    if (this.carryTooLong || piece.length === 0) return;
    if (this.carry.length + piece.length > this.maxChars) {
      this.carryTooLong = true;
      this.carry = '';
    } else {
      this.carry += piece;
    }
  }

  private finishLine(): Line {
    const text = this.carry.endsWith('\r') ? this.carry.slice(0, -1) : this.carry;
    const line = { number: ++this.lineNumber, text, tooLong: this.carryTooLong };
    this.carry = '';
    this.carryTooLong = false;
    return line;
  }
}
