import { analyze } from './analyze-text';
import { distinctSorted, extractFeatures, hashString, wordFeatureId, type FeatureConfig } from './hashed-features';

const config: FeatureConfig = { hashBits: 20, charNgramMax: 3, wordBigrams: true };

describe('extractFeatures', () => {
  it('gives sorted, distinct ids inside the table, weighted to unit length', () => {
    const { ids, weight } = extractFeatures(analyze('哈哈哈哈哈，今天太开心了，哈哈哈哈'), config);
    expect(ids.length).toBeGreaterThan(10);
    for (let i = 1; i < ids.length; i++) expect(ids[i]).toBeGreaterThan(ids[i - 1]);
    expect(Math.max(...ids)).toBeLessThan(2 ** config.hashBits);
    expect(weight * weight * ids.length).toBeCloseTo(1, 10);
  });

  it('counts presence, not repetition', () => {
    const once = extractFeatures(analyze('好开心'), config).ids;
    const often = extractFeatures(analyze('好开心 好开心 好开心'), config).ids;
    expect(Array.from(often)).toEqual(expect.arrayContaining(Array.from(once)));
    // Repeats add only the n-grams across the joins, never duplicates.
    expect(new Set(often).size).toBe(often.length);
  });

  it('is the same for traditional and simplified script, and for Latin in any case', () => {
    expect(extractFeatures(analyze('謠言止於智者'), config).ids).toEqual(extractFeatures(analyze('谣言止于智者'), config).ids);
    expect(extractFeatures(analyze('COVID 疫苗'), config).ids).toEqual(extractFeatures(analyze('covid 疫苗'), config).ids);
  });

  it('adds named extra features and keeps word and character namespaces apart', () => {
    const doc = analyze('网传停课');
    const plain = extractFeatures(doc, config).ids;
    const withSignal = extractFeatures(doc, config, ['signal:hearsay']).ids;
    expect(withSignal.length).toBe(plain.length + 1);
    expect(hashString(2, '好')).not.toBe(hashString(1, '好'));
    expect(Array.from(extractFeatures(analyze('网传'), config).ids)).toContain(wordFeatureId('网传', config));
  });

  it('gives the text features and the extras as one sorted, distinct set (repeated extras once)', () => {
    const doc = analyze('网传明天全市停课，紧急扩散！转发扩散');
    const plain = Array.from(extractFeatures(doc, config).ids);
    // One name whose id falls on a text feature's bucket (found by trying), as happens in a table.
    const mask = 2 ** config.hashBits - 1;
    let n = 0;
    while (!plain.includes(hashString(4, `signal:x${n}`) & mask)) n++;
    const names = ['signal:forward_bait', 'signal:hearsay', 'signal:hearsay', `signal:x${n}`, 'credibility:news_headline'];
    const extraIds = names.map((name) => hashString(4, name) & mask);
    const expected = [...new Set([...plain, ...extraIds])].sort((a, b) => a - b);
    expect(Array.from(extractFeatures(doc, config, names).ids)).toEqual(expected);
  });

  it('serves tables of different sizes from one hashing of the text', () => {
    const text = '网传明天全市停课，紧急扩散！[怒]';
    const shared = analyze(text);
    const big = extractFeatures(shared, config, ['signal:hearsay']).ids;
    const small = extractFeatures(shared, { ...config, hashBits: 18 }, ['signal:hearsay']).ids;
    expect(small).toEqual(extractFeatures(analyze(text), { ...config, hashBits: 18 }, ['signal:hearsay']).ids);
    const masked = [...new Set(Array.from(big, (id) => id & (2 ** 18 - 1)))].sort((a, b) => a - b);
    expect(Array.from(small)).toEqual(masked);
  });

  it('gives an empty text no features and weight 0', () => {
    expect(extractFeatures(analyze(''), config)).toEqual({ ids: new Uint32Array(0), weight: 0 });
  });

  it('is FNV-1a over a namespace tag and the UTF-16 units, as the shipped models were trained', () => {
    // Changing the hashing silently breaks every trained artifact; this pins it to the
    // published algorithm, computed here independently with BigInt.
    const fnv1a = (units: number[]): number =>
      Number(units.reduce((hash, unit) => ((hash ^ BigInt(unit)) * 0x01000193n) & 0xffffffffn, 0x811c9dc5n));
    const units = (text: string) => Array.from(text, (c) => c.charCodeAt(0));
    expect(hashString(2, '谣言')).toBe(fnv1a([2, ...units('谣言')]));
    expect(hashString(1, 'abc')).toBe(fnv1a([1, ...units('abc')]));
    expect(wordFeatureId('谣言', { ...config, hashBits: 18 })).toBe(fnv1a([2, ...units('谣言')]) & (2 ** 18 - 1));
  });
});

describe('distinctSorted', () => {
  // A seeded generator, so a failure can be replayed.
  let seed = 20261201;
  const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0);

  it('cuts to the table size, sorts and drops repeats as a plain sort would, at every table size', () => {
    for (const hashBits of [18, 20, 24, 26]) {
      for (const size of [0, 1, 2, 7, 300, 2_000]) {
        // Repeats on purpose: a post's n-grams repeat, and small tables collide.
        const hashes = Uint32Array.from({ length: size }, (_, i) => (i % 5 === 4 ? 0 : next()));
        const expected = [...new Set([...hashes].map((h) => h & ((1 << hashBits) - 1)))].sort((a, b) => a - b);
        expect([...distinctSorted(hashes, hashBits)]).toEqual(expected);
      }
    }
  });
});
