import { chunkBySize } from './chunk-by-size';

describe(chunkBySize.name, () => {
  const msg = (value: string, key = '') => ({ key, value });

  it('keeps order and splits before the limit is passed', () => {
    const chunks = chunkBySize([msg('aaaa'), msg('bbbb'), msg('cc'), msg('dddd')], 8);
    expect(chunks.map((c) => c.map((m) => m.value))).toEqual([['aaaa', 'bbbb'], ['cc', 'dddd']]);
  });

  it('counts keys and multi-byte characters by their bytes', () => {
    // '网传' is 6 bytes in UTF-8.
    expect(chunkBySize([msg('网传', 'k'), msg('x')], 7)).toHaveLength(2);
  });

  it('lets a message larger than the limit travel alone rather than vanish', () => {
    expect(chunkBySize([msg('x'.repeat(20)), msg('y')], 8).map((c) => c.length)).toEqual([1, 1]);
  });

  it('gives no chunk for no messages', () => {
    expect(chunkBySize([], 8)).toEqual([]);
  });
});
