import { analyze } from './analyze-text';
import { readDomainDictionary, segment } from './segment-text';

describe('segment', () => {
  it('keeps domain-dictionary terms whole', () => {
    const tokens = segment('网信办发布官方通报,政务新媒体辟谣');
    expect(tokens).toEqual(expect.arrayContaining(['网信办', '官方通报', '政务新媒体', '辟谣']));
  });

  it('keeps emoticon codes, @mentions and emoji as single tokens and drops whitespace', () => {
    const tokens = segment('太感动了[泪] @人民日报 😂 转发扩散');
    expect(tokens).toEqual(['太', '感动', '了', '[泪]', '@人民日报', '😂', '转发扩散']);
  });

  it('returns no tokens for an empty text', () => {
    expect(segment('')).toEqual([]);
  });

  it('reads the dictionary file without comments', () => {
    const lines = readDomainDictionary().split('\n');
    expect(lines.some((line) => line.startsWith('#'))).toBe(false);
    expect(lines).toContain('网信办 50000 nt');
  });
});

describe('analyze', () => {
  it('normalises traditional input before segmenting and keeps the original', () => {
    const doc = analyze('網傳明天停課');
    expect(doc.original).toBe('網傳明天停課');
    expect(doc.normalized).toBe('网传明天停课');
    expect(doc.tokens).toEqual(['网传', '明天', '停课']);
  });
});
