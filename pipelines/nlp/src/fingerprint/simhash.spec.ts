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

describe('simhashShingles voting', () => {
  // The plain definition: each feature adds +1 or -1 per bit; a bit is set when the sum is > 0.
  function reference(text: string, width: number): string {
    const sums = new Array<number>(64).fill(0);
    const last = Math.max(0, text.length - width);
    for (let i = 0; i <= last; i++) {
      const end = Math.min(text.length, i + width);
      const halves = [hash32(text, i, end, 0x9747b28c), hash32(text, i, end, 0x5bd1e995)];
      halves.forEach((h, half) => {
        for (let bit = 0; bit < 32; bit++) sums[half * 32 + bit] += (h >>> bit) & 1 ? 1 : -1;
      });
    }
    const hex = (half: number) => {
      let v = 0;
      for (let bit = 0; bit < 32; bit++) if (sums[half * 32 + bit] > 0) v |= 1 << bit;
      return (v >>> 0).toString(16).padStart(8, '0');
    };
    return hex(0) + hex(1);
  }

  it.each([1, 2, 3, 4, 7, 50, 51, 300, 5000])('matches the per-bit vote for a text of %i characters', (n) => {
    const text = Array.from({ length: n }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join('');
    expect(simhashShingles(text, 3)).toBe(reference(text, 3));
  });
});
