import type { Enrichment, SentimentLabel } from '@liaowang/contract';
import type { AnalyzedText } from './analyzed-text';
import { createCategoryMatcher, loadTermLists, type CategoryMatch, type TermLists } from './categories';
import { EMPTY_FINGERPRINT, fingerprint } from './fingerprint';
import { detectPii, maskPii, type PiiSpan } from './pii';
import { loadRumorModel, rumorLevel } from './rumor';
import { loadSentimentModel, MODEL_VERSION } from './sentiment';
import { analyze, normalizeText } from './text';

/**
 * Longest prefix (UTF-16 units) given to normalisation, segmentation, the models, the
 * categories and the fingerprint. Posts are far shorter; the cap keeps a 100 KB article
 * from costing milliseconds in the models. PII detection and masking always cover the whole
 * text, because masked display must never leak what lies past the cap.
 */
export const ANALYSIS_MAX_CHARS = 10_000;

export interface SentimentPredictor {
  predict(doc: AnalyzedText): { label: SentimentLabel; score: number };
}

export interface RumorScorer {
  score(doc: AnalyzedText): { score: number; reasons: string[] };
}

export type EnrichmentStage = 'analysis' | 'sentiment' | 'rumor' | 'categories' | 'pii' | 'fingerprint';

export interface EnricherOptions {
  /** Defaults to the shipped sentiment model. */
  sentimentModel?: SentimentPredictor;
  /** Defaults to the shipped rumor model. */
  rumorModel?: RumorScorer;
  /** Defaults to the built-in lists plus `LIAOWANG_TERMS_DIR`. */
  termLists?: TermLists;
  /** Told about a stage that failed on some text; the enricher then uses a neutral result. */
  onError?: (stage: EnrichmentStage, error: unknown) => void;
}

export interface Enricher {
  /** Enrichment of one text (R-ENR-1..6). Never throws, whatever the string. */
  enrich(text: string): Enrichment;
}

/** Loads models and term lists once; the returned enricher is cheap per call (R-PERF-3). */
export function createEnricher(options: EnricherOptions = {}): Enricher {
  const sentimentModel = options.sentimentModel ?? loadSentimentModel();
  const rumorModel = options.rumorModel ?? loadRumorModel();
  const categories = createCategoryMatcher(options.termLists ?? loadTermLists(), normalizeText);
  const onError = options.onError ?? warnOncePerStage();

  // A detector that trips over some odd text must not lose the item: the stage falls back
  // to an empty or neutral result and the failure is reported.
  function guarded<T>(stage: EnrichmentStage, run: () => T, fallback: T): T {
    try {
      return run();
    } catch (error) {
      onError(stage, error);
      return fallback;
    }
  }

  return {
    enrich(text) {
      const original = typeof text === 'string' ? text : '';
      const head = truncate(original, ANALYSIS_MAX_CHARS);
      const doc = guarded('analysis', () => analyze(head), { original: head, normalized: head, tokens: [] });
      const sentiment = guarded('sentiment', () => sentimentModel.predict(doc), NEUTRAL);
      const rumor = guarded('rumor', () => rumorModel.score(doc), NO_RUMOR);
      const rumorScore = clamp01(rumor.score);
      const rumorResult = { score: rumorScore, reasons: [...rumor.reasons], level: rumorLevel(rumorScore) };
      const matched = guarded<CategoryMatch[]>('categories', () => categories.match(doc.normalized, rumorResult), []);
      const pii = guarded<PiiSpan[]>('pii', () => detectPii(original), []);
      return {
        normalized: doc.normalized,
        tokens: doc.tokens,
        sentiment: { label: sentiment.label, score: clamp01(sentiment.score) },
        rumor: rumorResult,
        categories: matched,
        pii,
        // With no spans the text is shown as it is; if masking itself failed, show nothing
        // rather than risk showing personal data.
        masked: guarded('pii', () => maskPii(original, pii), ''),
        fingerprint: guarded('fingerprint', () => fingerprint(doc.normalized), EMPTY_FINGERPRINT),
        modelVersion: MODEL_VERSION,
      };
    },
  };
}

const NEUTRAL = { label: 'neutral' as const, score: 0 };
const NO_RUMOR = { score: 0, reasons: [] as string[] };

/** The first `max` UTF-16 units, without splitting a surrogate pair at the cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

function warnOncePerStage(): (stage: EnrichmentStage, error: unknown) => void {
  const warned = new Set<EnrichmentStage>();
  return (stage, error) => {
    if (warned.has(stage)) return;
    warned.add(stage);
    process.emitWarning(`enrichment stage "${stage}" failed: ${(error as Error)?.message ?? String(error)}`);
  };
}
