import { fingerprintText } from './fingerprint-text';
import { simhashShingles } from './simhash';

/** Character trigrams: robust to segmentation differences, fine-grained enough for short posts. */
export const SHINGLE_WIDTH = 3;
/** At most this many Hamming bits apart, two fingerprints are treated as the same story. */
export const NEAR_DUPLICATE_DISTANCE = 8;
/** Fingerprint of a post with no text of its own (emoji only, a bare repost). Never cluster on it. */
export const EMPTY_FINGERPRINT = '0000000000000000';

/** 64-bit SimHash (16 hex digits) of a normalised post, for near-duplicate detection (R-ENR-6). */
export function fingerprint(normalized: string): string {
  return simhashShingles(fingerprintText(normalized), SHINGLE_WIDTH);
}
