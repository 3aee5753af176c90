import { CsvRecordAssembler } from './csv-records';
import { LineSplitter } from './line-splitter';

const records = (text: string, max?: number) => {
  const lines = new LineSplitter();
  const all = [...lines.push(text), ...lines.end()];
  const assembler = new CsvRecordAssembler(max);
  const out = all.map((line) => assembler.push(line)).filter((r) => r !== undefined);
  const open = assembler.end(all.length);
  return open ? [...out, open] : out;
};

describe(CsvRecordAssembler.name, () => {
  it('keeps line breaks inside quotes in one record, with its first and last line', () => {
    expect(records('a,b\n1,"x\ny"\n2,z\n')).toEqual([
      { line: 1, lastLine: 1, text: 'a,b' },
      { line: 2, lastLine: 3, text: '1,"x\ny"' },
      { line: 4, lastLine: 4, text: '2,z' },
    ]);
  });

  it('reads doubled quotes as quotes, not as the end of the field', () => {
    expect(records('1,"他说""你好""\n还没完"\n2,z')).toEqual([
      { line: 1, lastLine: 2, text: '1,"他说""你好""\n还没完"' },
      { line: 3, lastLine: 3, text: '2,z' },
    ]);
  });

  it('skips blank lines outside quotes', () => {
    expect(records('a\n\n\nb\n').map((r) => r.line)).toEqual([1, 4]);
  });

  it('refuses a quote never closed, naming its lines, and nothing after is lost', () => {
    const out = records('1,ok\n2,"open\n3,x\n');
    expect(out[0]).toEqual({ line: 1, lastLine: 1, text: '1,ok' });
    expect(out[1]).toMatchObject({ line: 2, lastLine: 3, problem: { field: 'record' } });
    expect('problem' in out[1] && out[1].problem.reason).toContain('line 2 is never closed');
  });

  it('gives up on an open quote past the size limit and reads on from the next line', () => {
    const out = records('1,"open\n' + 'x\n'.repeat(10) + '2,ok\n', 12);
    expect(out[0]).toMatchObject({ line: 1, problem: { field: 'record' } });
    expect(out.at(-1)).toEqual({ line: 12, lastLine: 12, text: '2,ok' });
  });
});
