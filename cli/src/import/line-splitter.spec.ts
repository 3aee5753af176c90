import { LineSplitter } from './line-splitter';

describe(LineSplitter.name, () => {
  const split = (chunks: string[], max?: number) => {
    const splitter = new LineSplitter(max);
    return [...chunks.flatMap((c) => splitter.push(c)), ...splitter.end()];
  };

  it('numbers lines across chunk boundaries, LF and CRLF alike', () => {
    expect(split(['a\r\nb', 'b\n', '\nc']).map((l) => [l.number, l.text])).toEqual([
      [1, 'a'],
      [2, 'bb'],
      [3, ''],
      [4, 'c'],
    ]);
  });

  it('gives no extra line after a final line break', () => {
    expect(split(['a\nb\n'])).toHaveLength(2);
  });

  it('drops the text of a line over the limit but keeps its number, and the next line is whole', () => {
    const lines = split(['12345', '6789\nok\n'], 8);
    expect(lines).toEqual([
      { number: 1, text: '', tooLong: true },
      { number: 2, text: 'ok', tooLong: false },
    ]);
  });
});
