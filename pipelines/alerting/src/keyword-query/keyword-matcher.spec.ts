import { compileKeywordQuery, toMatchText } from './keyword-matcher';

const matches = (query: string, text: string) => compileKeywordQuery(query)(toMatchText(text));

describe(compileKeywordQuery.name, () => {
  const post = '紧急扩散！明天江城全市停水三天，请大家提前储水。';

  it.each([
    ['停水', true],
    ['停水 AND 江城', true],
    ['停水 AND 武汉', false],
    ['武汉 OR 江城', true],
    ['停水 NOT 演练', true],
    ['停水 NOT 储水', false],
    ['停水 NEAR/0 三天', true],
    ['江城 NEAR/2 停水', true],
    ['江城 NEAR/1 停水', false],
    ['三天 NEAR/2 全市', true], // either order
    ['"全市停水"', true],
    ['"全市 停水"', false],
    ['停電 OR 停水', true],
  ])('%s on the post → %s', (query, expected) => {
    expect(matches(query, post).matched).toBe(expected);
  });

  it('matches traditional characters and any case against the simplified, lower-cased text', () => {
    expect(matches('緊急擴散', post).matched).toBe(true);
    expect(matches('covid', '关于 COVID-19 的通知').matched).toBe(true);
  });

  it('reports every term that made it match, and none that a NOT excluded', () => {
    expect(matches('(江城 OR 全市) 停水 NOT 演练', post).hits.sort()).toEqual(['全市', '停水', '江城'].sort());
    expect(matches('停水 NOT 武汉', post).hits).toEqual(['停水']);
    expect(matches('武汉', post).hits).toEqual([]);
  });

  it('finds a later occurrence within the distance when the first is too far', () => {
    expect(matches('停水 NEAR/1 公告', '停水了。……很长的一段话……，再次停水公告').matched).toBe(true);
  });
});
