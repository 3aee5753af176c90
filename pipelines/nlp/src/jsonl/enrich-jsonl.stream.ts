import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Enricher } from '../enricher';
import { enrichLine } from './enrich-line';

export interface EnrichJsonlSummary {
  lines: number;
  errors: number;
}

/**
 * Streams JSONL from `input` to `output`: exactly one output line per input line, in input
 * order, error objects for lines that cannot be enriched (R-REL-3: nothing skipped). Reads
 * only as fast as `output` drains, so memory stays flat however large the input.
 */
export async function enrichJsonl(input: Readable, output: Writable, enricher: Enricher): Promise<EnrichJsonlSummary> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  const summary: EnrichJsonlSummary = { lines: 0, errors: 0 };
  for await (const raw of lines) {
    summary.lines++;
    // A byte-order mark belongs to the file, not to the first object.
    const text = summary.lines === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    const result = enrichLine(text, summary.lines, enricher);
    if ('error' in result) summary.errors++;
    if (!output.write(JSON.stringify(result) + '\n')) await once(output, 'drain');
  }
  return summary;
}
