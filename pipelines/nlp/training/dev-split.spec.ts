import { devSplit, duplicateKeys, nearDuplicateGroups } from './dev-split';
import type { LabelledRow } from './eval-data';

const row = (id: number, text: string, label = 'negative'): LabelledRow => ({ id: String(id), text, label });

describe('nearDuplicateGroups', () => {
  it('puts a post and its //@ reposts in one group, unrelated posts apart', () => {
    const original = '武汉今天新增确诊病例一百多例大家一定要注意防护';
    const rows = [
      row(1, original),
      row(2, `太可怕了[泪]//@某网友:${original}`),
      row(3, `转发微博 //@张三:心疼//@李四:${original}`),
      row(4, '今天的晚饭特别好吃，明天还要再来一次这家店'),
    ];
    const groups = nearDuplicateGroups(rows);
    expect(groups[1]).toBe(groups[0]);
    expect(groups[2]).toBe(groups[0]);
    expect(groups[3]).not.toBe(groups[0]);
  });

  it('ignores short segments, which would glue unrelated posts together', () => {
    expect(duplicateKeys('好的//@某人:转发')).toEqual([]);
  });
});

describe('devSplit', () => {
  const rows = Array.from({ length: 200 }, (_, i) => row(i, `第${i}条互不相同的微博内容，编号${i * 7919}`, i % 4 === 0 ? 'positive' : 'negative'));

  it('is deterministic, stratified and about a fifth of each label', () => {
    const first = devSplit(rows);
    const second = devSplit(rows);
    expect(first.dev.map((r) => r.id)).toEqual(second.dev.map((r) => r.id));
    expect(first.dev.length + first.train.length).toBe(200);
    expect(first.dev.filter((r) => r.label === 'positive')).toHaveLength(10);
    expect(first.dev.filter((r) => r.label === 'negative')).toHaveLength(30);
  });

  it('keeps near-duplicates on one side', () => {
    const base = '网传某地明天开始全面停课停工请大家做好准备';
    const withCopies = [...rows, ...Array.from({ length: 5 }, (_, i) => row(1000 + i, `${'转发'.repeat(i)}//@用户${i}:${base}`))];
    const { dev } = devSplit(withCopies);
    const copiesInDev = dev.filter((r) => Number(r.id) >= 1000).length;
    expect([0, 5]).toContain(copiesInDev);
  });
});
