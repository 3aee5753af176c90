/** What the reader makes of one line (JSONL) or one record (CSV, possibly several lines). */
export type SourceEntry = ParsedEntry | UnreadableEntry;

interface EntryLines {
  /** Place of the entry among the entries of the file, from 0 (blank lines and the CSV header are not entries). */
  index: number;
  /** First line of the entry in the file, from 1. */
  line: number;
  /** Last line: differs from `line` for a CSV record with line breaks inside quotes. */
  lastLine: number;
}

export interface ParsedEntry extends EntryLines {
  /** The payload as read (a JSON value, or an object built from a CSV row); kept as evidence. */
  payload: unknown;
}

export interface UnreadableEntry extends EntryLines {
  problem: FieldProblem;
}

/** Why an entry was refused, naming the field when there is one. */
export interface FieldProblem {
  field: string;
  reason: string;
}

export const isUnreadable = (entry: SourceEntry): entry is UnreadableEntry => 'problem' in entry;
