// 64-bit SimHash (Charikar 2002): each feature votes on every bit with its hash; texts that
// share most features end up a few bits apart, so near-duplicates are close in Hamming
// distance (R-ENR-6). Two independent 32-bit hashes make up the 64 bits, because plain
// numbers are 32-bit integers in bitwise operations and BigInt would cost far more.

const SEED_HIGH = 0x9747b28c;
const SEED_LOW = 0x5bd1e995;
const HEX_DIGITS_PER_HALF = 8;

/** FNV-1a over `text[start, end)` code units, finished with MurmurHash3's avalanche mix. */
export function hash32(text: string, start: number, end: number, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * SimHash of the character shingles (`width` code units each) of `text`. A text shorter
 * than one shingle is one feature; an empty text has the all-zero fingerprint.
 */
export function simhashShingles(text: string, width: number): string {
  if (text.length === 0) return '0'.repeat(2 * HEX_DIGITS_PER_HALF);
  const high = HIGH.reset();
  const low = LOW.reset();
  const last = Math.max(0, text.length - width);
  for (let i = 0; i <= last; i++) {
    const end = Math.min(text.length, i + width);
    high.add(hash32(text, i, end, SEED_HIGH));
    low.add(hash32(text, i, end, SEED_LOW));
  }
  const features = last + 1;
  return toHex(high.majority(features)) + toHex(low.majority(features));
}

// Bits a SimHash can count per position: 2^24 features, far beyond any truncated text.
const PLANES = 24;

/**
 * Counts, for each of 32 bit positions at once, how many added words had that bit set
 * (a bit-sliced counter: plane p holds bit p of every position's count). Adding a word is
 * a short carry chain instead of 32 separate increments, which is most of a SimHash's cost.
 */
class BitCounter {
  private readonly planes = new Int32Array(PLANES);

  reset(): this {
    this.planes.fill(0);
    return this;
  }

  add(word: number): void {
    let carry = word | 0;
    for (let p = 0; p < PLANES && carry !== 0; p++) {
      const next = this.planes[p] & carry;
      this.planes[p] ^= carry;
      carry = next;
    }
  }

  /** Positions where more than half of `total` words had the bit set (more +1 than -1 votes). */
  majority(total: number): number {
    const threshold = Math.floor(total / 2);
    // Compare every position's count with the threshold, from the top bit down.
    let greater = 0;
    let equal = -1;
    for (let p = PLANES - 1; p >= 0; p--) {
      const count = this.planes[p];
      if ((threshold >>> p) & 1) {
        equal &= count;
      } else {
        greater |= equal & count;
        equal &= ~count;
      }
    }
    return greater;
  }
}

// Reused across calls: a call runs to completion before the next can start, and the
// enricher's hot path then allocates nothing here.
const HIGH = new BitCounter();
const LOW = new BitCounter();

function toHex(value: number): string {
  return (value >>> 0).toString(16).padStart(HEX_DIGITS_PER_HALF, '0');
}

/** Number of differing bits between two fingerprints of equal length (hex strings). */
export function hammingDistance(a: string, b: string): number {
  if (a.length !== b.length) throw new RangeError(`fingerprints differ in length: ${a.length} vs ${b.length}`);
  let distance = 0;
  for (let i = 0; i < a.length; i += HEX_DIGITS_PER_HALF) {
    let x =
      (parseInt(a.slice(i, i + HEX_DIGITS_PER_HALF), 16) ^ parseInt(b.slice(i, i + HEX_DIGITS_PER_HALF), 16)) >>> 0;
    while (x !== 0) {
      x &= x - 1;
      distance++;
    }
  }
  return distance;
}
