import { createDraftChecker } from './draft-checks';

describe('createDraftChecker', () => {
  const checker = createDraftChecker();

  it('finds a prohibited term where it stands in the text', () => {
    const text = '网传兼职刷单日赚500元，系谣言。';
    const found = checker.check(text).filter((f) => f.kind === 'category');
    const term = found.find((f) => f.reason === 'term:兼职刷单');
    expect(term).toMatchObject({ code: 'illicit_marketing', excerpt: '兼职刷单' });
    expect(text.slice(term!.start, term!.end)).toBe('兼职刷单');
    const pattern = found.find((f) => f.reason === 'pattern:日赚');
    expect(text.slice(pattern!.start, pattern!.end)).toBe('日赚500');
  });

  it('finds personal data and shows it masked', () => {
    const text = '如有疑问请联系13812345678。';
    const [pii] = checker.check(text).filter((f) => f.kind === 'pii');
    expect(pii).toMatchObject({ code: 'phone', start: 7, end: 18 });
    expect(pii.excerpt).not.toContain('12345678');
  });

  it('finds secrecy markers, the longest one once', () => {
    const text = '本通报为内部资料，机密，不宜公开。';
    const found = checker.check(text).filter((f) => f.kind === 'secrecy');
    expect(found.map((f) => [f.code, f.start, f.end])).toEqual([
      ['内部资料', 4, 8],
      ['机密', 9, 11],
      ['不宜公开', 12, 16],
    ]);
  });

  it('finds nothing in a plain statement', () => {
    expect(checker.check('经核实，我校食堂于今日中午恢复正常供餐，感谢广大师生的关心。')).toEqual([]);
  });

  it('lists findings in the order of the text', () => {
    const starts = checker.check('秘密：联系13812345678办理代开发票').map((f) => f.start);
    expect(starts).toEqual([...starts].sort((a, b) => a! - b!));
    expect(starts.length).toBe(3);
  });
});
