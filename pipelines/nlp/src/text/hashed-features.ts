import type { AnalyzedText } from '../analyzed-text';

// Feature hashing: the models see hashed character n-grams and word uni/bigrams, so the
// shipped artifact is a fixed-size weight table with no vocabulary to store (keeps it small)
// and training and serving share this one function (no train/serve skew).

/** What to extract; stored in each model artifact so serving uses what training used. */
export interface FeatureConfig {
  /** Table size is 2^hashBits. */
  hashBits: number;
  /** Longest character n-gram (1..charNgramMax). */
  charNgramMax: number;
  /** Add word bigrams besides word unigrams. */
  wordBigrams: boolean;
}

/** A document as distinct hashed feature ids; every feature has the same value `weight`. */
export interface HashedFeatures {
  ids: Uint32Array;
  /** 1/sqrt(count): a binary bag of features scaled to unit length, so long posts don't dominate. */
  weight: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function mix(hash: number, code: number): number {
  // Fold A–Z to a–z so Latin words match whatever their case.
  const folded = code >= 65 && code <= 90 ? code + 32 : code;
  return Math.imul(hash ^ folded, FNV_PRIME);
}

/** FNV-1a over a namespace tag and a string, as an unsigned 32-bit integer. */
export function hashString(tag: number, text: string): number {
  let hash = mix(FNV_OFFSET, tag);
  for (let i = 0; i < text.length; i++) hash = mix(hash, text.charCodeAt(i));
  return hash >>> 0;
}

// Namespace tags keep a word "好" and the character unigram "好" apart.
const TAG_CHAR = 1;
const TAG_WORD = 2;
const TAG_BIGRAM = 3;
const TAG_EXTRA = 4;
const BIGRAM_JOINER = 0x1f;

// Sentiment and rumor hash the same text, into tables of different sizes: the full 32-bit
// hashes are computed once per document, and each table size masks and dedupes them once.
interface TextHashes {
  key: string;
  hashes: Uint32Array;
  idsByBits: Map<number, Uint32Array>;
}
const textCache = new WeakMap<AnalyzedText, TextHashes>();

// Scratch space of the radix sort, reused: enrichment runs one post at a time.
const radixCounts = new Uint32Array(3 * 257);
let radixScratch = new Uint32Array(1024);

/** The hashes cut to the table size, sorted and distinct. */
export function distinctSorted(hashes: Uint32Array, hashBits: number): Uint32Array {
  const mask = (1 << hashBits) - 1;
  const sorted = new Uint32Array(hashes.length);
  for (let i = 0; i < hashes.length; i++) sorted[i] = hashes[i] & mask;
  if (hashBits <= 24) radixSort24(sorted);
  else sorted.sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i];
  return sorted.subarray(0, distinct);
}

/**
 * Sorts values below 2^24 in place: three counting passes of 8 bits. For the few hundred
 * features of a post it takes half the time of `Uint32Array.prototype.sort`, and sorting was a
 * sixth of the enrichment cost.
 */
function radixSort24(values: Uint32Array): void {
  const n = values.length;
  if (radixScratch.length < n) radixScratch = new Uint32Array(2 * n);
  const scratch = radixScratch;
  const counts = radixCounts;
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    counts[(v & 255) + 1]++;
    counts[257 + ((v >>> 8) & 255) + 1]++;
    counts[514 + (v >>> 16) + 1]++;
  }
  for (let pass = 0; pass < 3; pass++) for (let i = pass * 257 + 1; i < pass * 257 + 257; i++) counts[i] += counts[i - 1];
  for (let i = 0; i < n; i++) scratch[counts[values[i] & 255]++] = values[i];
  for (let i = 0; i < n; i++) values[counts[257 + ((scratch[i] >>> 8) & 255)]++] = scratch[i];
  for (let i = 0; i < n; i++) scratch[counts[514 + (values[i] >>> 16)]++] = values[i];
  values.set(scratch.subarray(0, n));
}

function withWeight(ids: Uint32Array): HashedFeatures {
  return { ids, weight: ids.length > 0 ? 1 / Math.sqrt(ids.length) : 0 };
}

/**
 * Hashed features of an analysed text: character n-grams of the normalised text (spaces
 * skipped), words and optionally word bigrams, plus `extra` named features (e.g. rule signals).
 */
export function extractFeatures(doc: AnalyzedText, config: FeatureConfig, extra: readonly string[] = []): HashedFeatures {
  const key = `${config.charNgramMax}/${config.wordBigrams}`;
  let cached = textCache.get(doc);
  if (!cached || cached.key !== key) {
    cached = { key, hashes: textHashes(doc, config), idsByBits: new Map() };
    textCache.set(doc, cached);
  }
  let ids = cached.idsByBits.get(config.hashBits);
  if (!ids) {
    ids = distinctSorted(cached.hashes, config.hashBits);
    cached.idsByBits.set(config.hashBits, ids);
  }
  if (extra.length === 0) return withWeight(ids);
  const extraIds = distinctSorted(Uint32Array.from(extra, (name) => hashString(TAG_EXTRA, name)), config.hashBits);
  return withWeight(mergeDistinct(ids, extraIds));
}

/** Two sorted, distinct id lists as one (the same as sorting both together, without sorting the long one again). */
function mergeDistinct(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
    if (n === 0 || out[n - 1] !== next) out[n++] = next;
  }
  return out.subarray(0, n);
}

/** Full 32-bit hashes of every text feature, repeats included (presence is decided later). */
function textHashes(doc: AnalyzedText, config: FeatureConfig): Uint32Array {
  const hashes: number[] = [];
  const text = doc.normalized;
  for (let start = 0; start < text.length; start++) {
    if (text.charCodeAt(start) === 32) continue;
    let hash = mix(FNV_OFFSET, TAG_CHAR);
    for (let n = 0; n < config.charNgramMax && start + n < text.length; n++) {
      const code = text.charCodeAt(start + n);
      if (code === 32) break;
      hash = mix(hash, code);
      hashes.push(hash >>> 0);
    }
  }
  const tokens = doc.tokens;
  for (let i = 0; i < tokens.length; i++) {
    hashes.push(hashString(TAG_WORD, tokens[i]));
    if (config.wordBigrams && i > 0) {
      let hash = mix(FNV_OFFSET, TAG_BIGRAM);
      const pair = tokens[i - 1];
      for (let c = 0; c < pair.length; c++) hash = mix(hash, pair.charCodeAt(c));
      hash = mix(hash, BIGRAM_JOINER);
      const word = tokens[i];
      for (let c = 0; c < word.length; c++) hash = mix(hash, word.charCodeAt(c));
      hashes.push(hash >>> 0);
    }
  }
  // Presence, not counts (distinctSorted): repeated characters ("哈哈哈哈") should not outweigh
  // the rest (chosen by cross-validation on the training part).
  return Uint32Array.from(hashes);
}

/** Id of a single word feature, to explain which words pushed a score (`model:<word>`). */
export function wordFeatureId(word: string, config: FeatureConfig): number {
  return hashString(TAG_WORD, word) & ((1 << config.hashBits) - 1);
}
