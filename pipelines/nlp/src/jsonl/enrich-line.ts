import type { CategoryId, PiiType, RumorLevel, SentimentLabel } from '@liaowang/contract';
import type { Enricher } from '../enricher';
import { rumorLevel } from '../rumor/rumor-level';

/**
 * One output line of `liaowang enrich` for a usable input line. The fields listed here are
 * a stable contract (an external evaluation reads them); add fields, never rename these.
 */
export interface EnrichedLine {
  id: string | number;
  sentiment: { label: SentimentLabel; score: number };
  /** `level` (low / medium / high, high = at or above the shipped alert threshold) added in nlp-1.3.0. */
  rumor: { score: number; reasons: string[]; level: RumorLevel };
  categories: Array<{ id: CategoryId; reasons: string[] }>;
  pii: Array<{ type: PiiType; start: number; end: number }>;
  masked: string;
  fingerprint: string;
  modelVersion: string;
}

/** The output line for an input line that cannot be enriched: never dropped, never fatal. */
export interface ErrorLine {
  id?: string | number;
  /** 1-based line number in the input. */
  line: number;
  error: string;
}

/** Enriches one JSONL input line (`{id, text, ...}`) into exactly one output object. */
export function enrichLine(raw: string, line: number, enricher: Enricher): EnrichedLine | ErrorLine {
  if (raw.trim() === '') return { line, error: 'blank line' };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return { line, error: `invalid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { line, error: 'not a JSON object' };
  }
  const { id, text } = value as Record<string, unknown>;
  if (id === undefined || id === null) return { line, error: 'missing id' };
  if (!isId(id)) return { line, error: 'id must be a non-empty string or a finite number' };
  if (text === undefined || text === null) return { id, line, error: 'missing text' };
  if (typeof text !== 'string') return { id, line, error: 'text must be a string' };
  try {
    const e = enricher.enrich(text);
    return {
      id,
      sentiment: e.sentiment,
      rumor: { score: e.rumor.score, reasons: e.rumor.reasons, level: e.rumor.level ?? rumorLevel(e.rumor.score) },
      categories: e.categories,
      pii: e.pii,
      masked: e.masked,
      fingerprint: e.fingerprint,
      modelVersion: e.modelVersion,
    };
  } catch (error) {
    // The enricher promises not to throw; if it ever does, the line still gets its answer.
    return { id, line, error: `enrichment failed: ${(error as Error)?.message ?? String(error)}` };
  }
}

function isId(id: unknown): id is string | number {
  return (typeof id === 'string' && id !== '') || (typeof id === 'number' && Number.isFinite(id));
}
