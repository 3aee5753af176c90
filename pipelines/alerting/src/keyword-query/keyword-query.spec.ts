import { KeywordQueryError, parseKeywordQuery, type KeywordQuery } from './keyword-query';

// A compact rendering of the tree, so expectations read like the query.
function show(query: KeywordQuery): string {
  switch (query.type) {
    case 'term':
      return query.match;
    case 'and':
      return `(${query.operands.map(show).join(' & ')})`;
    case 'or':
      return `(${query.operands.map(show).join(' | ')})`;
    case 'not':
      return `-${show(query.operand)}`;
    case 'near':
      return `(${show(query.left)} ~${query.distance} ${show(query.right)})`;
  }
}

describe(parseKeywordQuery.name, () => {
  it.each([
    ['停水', '停水'],
    ['停水 AND 江城', '(停水 & 江城)'],
    ['停水 江城', '(停水 & 江城)'],
    ['停水 OR 断水 江城', '(停水 | (断水 & 江城))'],
    ['停水 AND (江城 OR 武汉) NOT 演练', '(停水 & (江城 | 武汉) & -演练)'],
    ['疫苗 -谣言', '(疫苗 & -谣言)'],
    ['"全市 停水" NEAR/10 三天', '(全市 停水 ~10 三天)'],
    ['（停水｜断水） 江城', '((停水 | 断水) & 江城)'],
    ['“紧急扩散” 「停水」', '(紧急扩散 & 停水)'],
    ['COVID-19 and Vaccine', '(covid-19 & and & vaccine)'],
    ['ORANGE ANDROID', '(orange & android)'],
    ['停水 w/5 三天 江城', '((停水 ~5 三天) & 江城)'],
    ['停水 ＆ 江城 －演练', '(停水 & 江城 & -演练)'],
  ])('%s → %s', (text, expected) => {
    expect(show(parseKeywordQuery(text))).toBe(expected);
  });

  it('normalises terms like the enrichment does (traditional → simplified, full-width → half-width)', () => {
    expect(show(parseKeywordQuery('緊急擴散 ＡＢＣ'))).toBe('(紧急扩散 & abc)');
  });

  it.each([
    ['', 0],
    ['停水 OR', 5],
    ['(停水', 3],
    ['AND 停水', 0],
    ['"" 停水', 0],
    ['停水 NEAR/500 三天', 0],
  ])('refuses %j with the position of the fault', (text, offset) => {
    let caught: unknown;
    try {
      parseKeywordQuery(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(KeywordQueryError);
    expect((caught as KeywordQueryError).offset).toBe(offset);
  });

  it.each(['(a OR b) NEAR/3 c', 'a NEAR/3 b NEAR/3 c'])('refuses NEAR between anything but two terms: %s', (text) => {
    expect(() => parseKeywordQuery(text)).toThrow('NEAR joins two words or phrases');
  });
});
