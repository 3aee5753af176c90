import { z } from 'zod';

export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

export const RUMOR_LEVELS = ['low', 'medium', 'high'] as const;
export type RumorLevel = (typeof RUMOR_LEVELS)[number];

export const PII_TYPES = ['phone', 'id_card', 'bank_card', 'email', 'address'] as const;
export type PiiType = (typeof PII_TYPES)[number];

/** The nine prohibited-content categories of 001 Art. 7 (R-ENR-4). */
export const CATEGORY_IDS = [
  'anti_constitution',
  'state_security',
  'national_honour',
  'public_morality',
  'illicit_marketing',
  'ethnic_regional_hatred',
  'religion_cult_superstition',
  'false_alarm_rumor',
  'other_unlawful',
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export const enrichmentSchema = z.object({
  /** Simplified, half-width text used for analysis; the original stays in RawItem.text. */
  normalized: z.string(),
  /** Segmented tokens, indexed into a whitespace-analyzed field (R-ENR-1, R-ENR-7). */
  tokens: z.array(z.string()),
  sentiment: z.object({ label: z.enum(SENTIMENT_LABELS), score: z.number().min(0).max(1) }),
  rumor: z.object({
    score: z.number().min(0).max(1),
    reasons: z.array(z.string()),
    /** `high` = score at or above DEFAULT_RUMOR_ALERT_THRESHOLD; `medium` from a lower cut (docs/NLP.md). Absent in records enriched before nlp-1.3.0. */
    level: z.enum(RUMOR_LEVELS).optional(),
  }),
  categories: z.array(z.object({ id: z.enum(CATEGORY_IDS), reasons: z.array(z.string()) })),
  pii: z.array(z.object({ type: z.enum(PII_TYPES), start: z.number().int(), end: z.number().int() })),
  /** Text with personal data masked, for display (R-ENR-5). */
  masked: z.string(),
  /** Near-duplicate fingerprint (R-ENR-6). */
  fingerprint: z.string(),
  /** Version of the enrichment models that produced this record. */
  modelVersion: z.string(),
});
export type Enrichment = z.infer<typeof enrichmentSchema>;
