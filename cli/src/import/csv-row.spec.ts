import { csvRowPayload, parseCsvHeader } from './csv-row';

describe('CSV rows', () => {
  const header = parseCsvHeader('sourceId,platform,author.id,author.name,text,evidenceUrls.0,evidenceUrls.1');

  it('builds nested fields and arrays from dotted column names, leaving empty cells out', () => {
    expect(csvRowPayload(header, '42,weibo,u1,"张, 三","多行\n文本 ""引号""",https://a.example/1,')).toEqual({
      payload: {
        sourceId: '42',
        platform: 'weibo',
        author: { id: 'u1', name: '张, 三' },
        text: '多行\n文本 "引号"',
        evidenceUrls: ['https://a.example/1'],
      },
    });
  });

  it('names the column of broken quoting', () => {
    expect(csvRowPayload(header, '42,weibo,u1,name,"bad"q,,')).toEqual({
      problem: { field: 'text', reason: expect.stringContaining('broken quoting') as string },
    });
    expect(csvRowPayload(header, '42,weibo,u1,na"me,t,,')).toMatchObject({ problem: { field: 'author.name' } });
  });

  it('refuses a record with more or fewer fields than the header', () => {
    expect(csvRowPayload(header, '42,weibo')).toEqual({ problem: { field: 'record', reason: 'has 2 fields, the header has 7' } });
  });

  it('refuses a header with an empty column name', () => {
    expect(() => parseCsvHeader('a,,c')).toThrow('empty column name');
  });
});
