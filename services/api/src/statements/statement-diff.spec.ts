import { diffStatementTexts } from './statement-diff';

describe('diffStatementTexts', () => {
  it('marks the changed line as removed and added, the rest as the same', () => {
    const diff = diffStatementTexts(
      { n: 1, text: '情况通报\n经初步核实，网传内容不实。\n我们将持续关注。' },
      { n: 2, text: '情况通报\n经核实，网传内容系谣言。\n我们将持续关注。' },
    );
    expect(diff).toMatchObject({ from: 1, to: 2, added: 1, removed: 1 });
    expect(diff.parts).toEqual([
      { op: 'same', lines: ['情况通报'] },
      { op: 'removed', lines: ['经初步核实，网传内容不实。'] },
      { op: 'added', lines: ['经核实，网传内容系谣言。'] },
      { op: 'same', lines: ['我们将持续关注。'] },
    ]);
  });

  it('counts an added last line as one added line only', () => {
    const diff = diffStatementTexts({ n: 1, text: '甲\n乙' }, { n: 2, text: '甲\n乙\n丙' });
    expect(diff).toMatchObject({ added: 1, removed: 0 });
  });

  it('finds no change between equal texts', () => {
    expect(diffStatementTexts({ n: 1, text: '甲' }, { n: 2, text: '甲' }).parts).toEqual([
      { op: 'same', lines: ['甲'] },
    ]);
  });
});
