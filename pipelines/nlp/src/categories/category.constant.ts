/**
 * Rumor score from which `false_alarm_rumor` (001 Art. 7 (8)) is raised even without a
 * matching term. Set high on purpose: a category is a stronger statement to a duty officer
 * than a rumor score, which they see anyway.
 */
export const RUMOR_CATEGORY_THRESHOLD = 0.8;

/** At most this many reasons per category, so a long text cannot produce a huge record. */
export const MAX_REASONS_PER_CATEGORY = 10;
