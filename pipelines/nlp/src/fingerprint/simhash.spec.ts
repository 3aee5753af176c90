import { hammingDistance, hash32, simhashShingles } from './simhash';

describe('simhashShingles', () => {
  it('gives 16 hex digits, deterministically', () => {
    const a = simhashShingles('今天市区发生交通事故', 3);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(simhashShingles('今天市区发生交通事故', 3)).toBe(a);
  });

  it('fingerprints empty and very short texts', () => {
    expect(simhashShingles('', 3)).toBe('0000000000000000');
    expect(simhashShingles('好', 3)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('uses two unrelated 32-bit hashes', () => {
    expect(hash32('abc', 0, 3, 1)).not.toBe(hash32('abc', 0, 3, 2));
  });
});

describe('hammingDistance', () => {
  it('counts differing bits across both halves', () => {
    expect(hammingDistance('0000000000000000', '0000000000000000')).toBe(0);
    expect(hammingDistance('ffffffffffffffff', '0000000000000000')).toBe(64);
    expect(hammingDistance('8000000000000001', '0000000000000000')).toBe(2);
  });

  it('refuses fingerprints of different lengths', () => {
    expect(() => hammingDistance('00', '000')).toThrow(RangeError);
  });
});
