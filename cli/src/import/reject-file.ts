import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import type { FieldProblem } from './source-entry';

/** One refused line or record, as a line of the reject file. */
export interface RejectRecord {
  /** Line of the file where the refused entry starts, from 1. */
  line: number;
  /** Present when the entry spans several lines (a CSV record). */
  lastLine?: number;
  /** Every failing field, by name, with why. */
  problems: FieldProblem[];
}

/** `reason` as one readable sentence: `author.name: Required; text: String must contain at most 20000 character(s)`. */
export const reasonOf = (problems: readonly FieldProblem[]): string => problems.map((p) => `${p.field}: ${p.reason}`).join('; ');

/** The reject file line of a refusal: JSON, so a script can pick the fields out. */
export function rejectLine(reject: RejectRecord): string {
  const { line, lastLine, problems } = reject;
  return `${JSON.stringify({ line, ...(lastLine !== undefined && lastLine !== line ? { lastLine } : {}), fields: problems.map((p) => p.field), reason: reasonOf(problems) })}\n`;
}

/**
 * Writes refusals as JSONL, waiting when the disk is slower than the import (bounded memory).
 * The file holds this run's rejects only: made at the first one, and none left (not even an
 * earlier run's) when there are none.
 */
export class RejectFile {
  private out?: WriteStream;

  constructor(readonly path: string) {}

  async write(reject: RejectRecord): Promise<void> {
    this.out ??= createWriteStream(this.path, { flags: 'w' });
    if (!this.out.write(rejectLine(reject))) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    const out = this.out;
    if (!out) {
      await rm(this.path, { force: true });
      return;
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}
