import { normalizeText, URL_MARKER } from './normalize-text';

describe('normalizeText', () => {
  it('maps full-width letters, digits, punctuation and the ideographic space to half-width', () => {
    expect(normalizeText('ＡＢＣ１２３！？　ｏｋ')).toBe('ABC123!? ok');
  });

  it('converts traditional input to simplified', () => {
    expect(normalizeText('網傳寧波醫院發生爆炸，請轉發擴散')).toBe('网传宁波医院发生爆炸,请转发扩散');
  });

  it('removes zero-width characters that split words', () => {
    expect(normalizeText('辟\u200b谣\u200c通\ufeff报\u2060')).toBe('辟谣通报');
  });

  it('keeps emoji, including ZWJ sequences, and Weibo emoticon codes', () => {
    expect(normalizeText('😂😂')).toBe('😂😂');
    expect(normalizeText('👨\u200d👩\u200d👧')).toBe('👨\u200d👩\u200d👧');
    expect(normalizeText('太难过了[泪][淚]')).toBe('太难过了[泪][泪]');
  });

  it('replaces links with a marker and drops the crawler escapes of weibo2018', () => {
    expect(normalizeText('看这里http://t.cn/A6abc12 {%#话题#%}')).toBe(`看这里 ${URL_MARKER} #话题#`);
  });

  it('keeps @mentions and repost chains, collapses whitespace', () => {
    expect(normalizeText('  好的 //@张三:  转发  ')).toBe('好的 //@张三: 转发');
  });

  it('returns an empty string for empty or invisible-only input', () => {
    expect(normalizeText('')).toBe('');
    expect(normalizeText('\u200b \u200b')).toBe('');
  });

  it('handles a very long text', () => {
    const long = '網傳'.repeat(50_000);
    const out = normalizeText(long);
    expect(out).toHaveLength(100_000);
    expect(out.startsWith('网传网传')).toBe(true);
  });
});
