import { readFileSync } from 'node:fs';
import * as path from 'node:path';

// Official rebuttals on record (R-ENR-3 "contradiction of an official rebuttal"): a data file so
// duty officers' new rebuttals can be added without a code change.
export const REBUTTAL_RECORDS_FILE = path.join(__dirname, '..', '..', 'models', 'rumor-rebuttals.json');

export interface RebuttalRecord {
  id: string;
  rebuttedBy: string;
  /** Every group must match; any term of a group matches it. */
  terms: string[][];
}

export function loadRebuttalRecords(file = REBUTTAL_RECORDS_FILE): RebuttalRecord[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { records: RebuttalRecord[] };
  return parsed.records;
}

/** Ids of records whose claim the normalised post repeats. */
export function matchRebuttals(normalized: string, records: readonly RebuttalRecord[]): string[] {
  return records
    .filter((record) => record.terms.every((group) => group.some((term) => normalized.includes(term))))
    .map((record) => record.id);
}
