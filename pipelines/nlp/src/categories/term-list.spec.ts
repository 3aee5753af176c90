import { parseTermList, TermListError } from './term-list';

describe('parseTermList', () => {
  it('reads terms and labelled or bare patterns, skipping comments and blank lines', () => {
    const list = parseTermList('\uFEFF# comment\n赌博\r\n\n  网赌  \n/加\\s*微信/ 加微信\n/日赚\\d+/\n', 'x.txt');
    expect(list.terms).toEqual(['赌博', '网赌']);
    expect(list.patterns.map((p) => p.label)).toEqual(['加微信', '/日赚\\d+/']);
    expect(list.patterns[0].regex.test('加 微信')).toBe(true);
    expect(list.patterns[1].regex.flags).toContain('i');
  });

  it('names the file and line of a pattern that does not compile', () => {
    expect(() => parseTermList('ok\n/(unclosed/', 'extra/public_morality.txt')).toThrow(TermListError);
    expect(() => parseTermList('ok\n/(unclosed/', 'extra/public_morality.txt')).toThrow(/public_morality\.txt:2/);
  });

  it('treats a lone slash-word without a closing slash as a term', () => {
    expect(parseTermList('/path', 'x').terms).toEqual(['/path']);
  });
});
