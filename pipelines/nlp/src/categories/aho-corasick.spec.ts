import { AhoCorasick } from './aho-corasick';

describe(AhoCorasick.name, () => {
  it('finds overlapping and nested patterns in one pass', () => {
    const ac = new AhoCorasick<string>([
      ['he', 'he'],
      ['she', 'she'],
      ['his', 'his'],
      ['hers', 'hers'],
    ]);
    expect(ac.search('ushers').sort()).toEqual(['he', 'hers', 'she']);
  });

  it('matches Chinese terms, including one inside another', () => {
    const ac = new AhoCorasick<string>([
      ['赌博', 'a'],
      ['网络赌博', 'b'],
      ['博彩', 'c'],
    ]);
    expect(ac.search('打击网络赌博彩票').sort()).toEqual(['a', 'b', 'c']);
  });

  it('reports repeats and ignores empty patterns', () => {
    const ac = new AhoCorasick<number>([
      ['', 0],
      ['aa', 1],
    ]);
    expect(ac.search('aaaa')).toEqual([1, 1, 1]);
    expect(ac.search('')).toEqual([]);
  });

  it('follows failure links past a dead end', () => {
    const ac = new AhoCorasick<string>([
      ['abcd', 'abcd'],
      ['bce', 'bce'],
    ]);
    expect(ac.search('abce')).toEqual(['bce']);
  });
});
