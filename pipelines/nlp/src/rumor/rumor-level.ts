import { DEFAULT_RUMOR_ALERT_THRESHOLD, type RumorLevel } from '@liaowang/contract';

/**
 * `medium` from this score up to the shipped alert threshold: worth a look on the duty console,
 * not worth waking anyone. Chosen from the dev figures in docs/NLP.md ("Rumor risk levels").
 */
export const RUMOR_MEDIUM_FROM = 0.15;

/** `high` at or above the shipped alert threshold (the default of a rumor-risk rule), `medium` from RUMOR_MEDIUM_FROM. */
export function rumorLevel(score: number): RumorLevel {
  if (score >= DEFAULT_RUMOR_ALERT_THRESHOLD) return 'high';
  if (score >= RUMOR_MEDIUM_FROM) return 'medium';
  return 'low';
}
