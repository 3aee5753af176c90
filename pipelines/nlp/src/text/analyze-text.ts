import type { AnalyzedText } from '../analyzed-text';
import { normalizeText } from './normalize-text';
import { segment } from './segment-text';

/** Normalise and segment once; every detector and model reads the result (R-ENR-1). */
export function analyze(text: string): AnalyzedText {
  const normalized = normalizeText(text);
  return { original: text, normalized, tokens: segment(normalized) };
}
