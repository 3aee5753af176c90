import { EMPTY_FINGERPRINT, fingerprint, hammingDistance, normalizeText } from '@liaowang/nlp';

// R-ENR-6: which fingerprints stand for an item, how candidate stories are found (LSH band keys
// over the 64-bit SimHash) and when an item is close enough to join one. The figures behind the
// constants are in docs/BENCHMARKS.md ("Stories: the same-story threshold", bench/story-threshold.js).

/** At most this many bits apart, two fingerprints are the same story (measured, see above). */
export const STORY_DISTANCE = 10;
/**
 * Bands of the fingerprint: a pair within STORY_DISTANCE bits shares at least one whole band
 * only when it differs in fewer bits than there are bands (pigeonhole), so 8 bands of 8 bits
 * find every pair up to 7 bits for sure and most pairs up to STORY_DISTANCE.
 */
export const STORY_BANDS = 8;
const HEX_PER_BAND = 16 / STORY_BANDS;
const REPOST_MARKER = '//@';

/**
 * The fingerprints an item is matched with: the enricher's own (the reposter's words, or the
 * chain when they added none) and, for a repost that says something of its own, the quoted
 * chain too, so "a comment //@author: the claim" joins the claim's story. Empty ones are dropped.
 */
export function storyFingerprints(ownFingerprint: string, text: string): string[] {
  const found = new Set<string>();
  if (ownFingerprint !== EMPTY_FINGERPRINT) found.add(ownFingerprint);
  const normalized = normalizeText(text);
  const chainAt = normalized.indexOf(REPOST_MARKER);
  if (chainAt >= 0) {
    const quoted = fingerprint(`转发微博${normalized.slice(chainAt)}`);
    if (quoted !== EMPTY_FINGERPRINT) found.add(quoted);
  }
  return [...found];
}

/** LSH band keys of a fingerprint: `<band>:<hex of the band>`, stored as keywords. */
export function bandKeys(fp: string): string[] {
  const keys: string[] = [];
  for (let band = 0; band < STORY_BANDS; band++) keys.push(`${band}:${fp.slice(band * HEX_PER_BAND, (band + 1) * HEX_PER_BAND)}`);
  return keys;
}

/** Smallest Hamming distance between any fingerprint of one side and any of the other. */
export function storyDistance(a: readonly string[], b: readonly string[]): number {
  let best = 64;
  for (const x of a) for (const y of b) best = Math.min(best, hammingDistance(x, y));
  return best;
}

/** Whether two sets of fingerprints would meet through a band key (the candidate lookup). */
export function shareBand(a: readonly string[], b: readonly string[]): boolean {
  const keys = new Set(a.flatMap(bandKeys));
  return b.some((fp) => bandKeys(fp).some((key) => keys.has(key)));
}
