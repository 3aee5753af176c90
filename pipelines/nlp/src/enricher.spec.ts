import { enrichmentSchema } from '@liaowang/contract';
import { EMPTY_FINGERPRINT } from './fingerprint';
import { RUMOR_CATEGORY_THRESHOLD } from './categories';
import { ANALYSIS_MAX_CHARS, createEnricher, truncate } from './enricher';
import { rumorLevel } from './rumor';
import { MODEL_VERSION } from './sentiment';

describe('createEnricher', () => {
  // The shipped models and term lists, loaded once as in production.
  const enricher = createEnricher();

  it('produces a complete, valid enrichment of a typical post', () => {
    const result = enricher.enrich('網傳明天全城停水！聯繫人電話13812345678，兼职刷单加微信');
    expect(enrichmentSchema.parse(result)).toEqual(result);
    expect(result.normalized).toContain('网传明天全城停水');
    expect(result.tokens.length).toBeGreaterThan(3);
    expect(result.rumor.reasons).toContain('hearsay:网传');
    expect(result.categories.map((c) => c.id)).toEqual(['illicit_marketing', 'false_alarm_rumor']);
    expect(result.categories[1].reasons).toContain('pattern:未经证实的预警');
    expect(result.pii).toEqual([{ type: 'phone', start: 14, end: 25 }]);
    expect(result.masked).toBe('網傳明天全城停水！聯繫人電話138****5678，兼职刷单加微信');
    expect(result.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(result.modelVersion).toBe(MODEL_VERSION);
    expect(result.rumor.level).toBe(rumorLevel(result.rumor.score));
  });

  it('gives a plain thank-you a low level, a forwarded unsourced alarm a high one', () => {
    const thanks = enricher.enrich('社区医院的护士打针特别轻，还一直安慰孩子，真心感谢！');
    const alarm = enricher.enrich('紧急扩散！网传今晚全区停电停水两天，赶紧转给家人！！');
    expect(thanks.rumor.level).toBe('low');
    expect(alarm.rumor.level).toBe('high');
  });

  it('raises false_alarm_rumor from a high rumor score, with the rumor model reasons', () => {
    const result = enricher.enrich('据说某小区发现多例感染者，已经封楼了，大家千万别去，速转！');
    expect(result.rumor.score).toBeGreaterThanOrEqual(RUMOR_CATEGORY_THRESHOLD);
    const category = result.categories.find((c) => c.id === 'false_alarm_rumor');
    expect(category?.reasons).toEqual(result.rumor.reasons.map((r) => `rumor:${r}`));
  });

  it('leaves an ordinary post without categories or PII', () => {
    const result = enricher.enrich('今天社区组织志愿者打扫卫生，大家都很开心');
    expect(result.categories).toEqual([]);
    expect(result.pii).toEqual([]);
    expect(result.rumor.score).toBeLessThan(RUMOR_CATEGORY_THRESHOLD);
  });

  it.each([
    ['empty', ''],
    ['emoji-only', '😀😡👍🏻👨‍👩‍👧'],
    ['whitespace', ' \n\t\u3000'],
    ['lone surrogates', '\ud800好\udfff\ud83d'],
    ['control characters', '\u0000\u0007\u001b[31m'],
  ])('handles %s text', (_, text) => {
    const result = enricher.enrich(text);
    expect(enrichmentSchema.parse(result)).toEqual(result);
    expect(result.pii).toEqual([]);
    expect(result.masked).toBe(text);
  });

  it('gives an emoji-only post no categories and the empty fingerprint', () => {
    const result = enricher.enrich('😀😀😀');
    expect(result.categories).toEqual([]);
    expect(result.fingerprint).toBe(EMPTY_FINGERPRINT);
  });

  it('analyses the head of a very long text but finds and masks PII in all of it', () => {
    const text = '这是一段很长的文字。'.repeat(10_000) + '电话13812345678';
    const result = enricher.enrich(text);
    expect(text.length).toBeGreaterThan(100_000);
    expect(result.normalized.length).toBeLessThanOrEqual(ANALYSIS_MAX_CHARS);
    expect(result.pii).toEqual([{ type: 'phone', start: 100_002, end: 100_013 }]);
    expect(result.masked.endsWith('电话138****5678')).toBe(true);
    expect(result.masked.length).toBe(text.length);
  });

  it('does not throw when given something that is not a string', () => {
    expect(enricher.enrich(undefined as unknown as string).masked).toBe('');
  });

  it('falls back to neutral results when a model fails, and reports it', () => {
    const failures: string[] = [];
    const broken = createEnricher({
      sentimentModel: {
        predict: () => {
          throw new Error('boom');
        },
      },
      rumorModel: { score: () => ({ score: Number.NaN, reasons: [] }) },
      onError: (stage) => failures.push(stage),
    });
    const result = broken.enrich('你好');
    expect(result.sentiment).toEqual({ label: 'neutral', score: 0 });
    expect(result.rumor.score).toBe(0);
    expect(failures).toEqual(['sentiment']);
  });
});

describe('truncate', () => {
  it('never cuts a surrogate pair in half', () => {
    expect(truncate('ab😀', 3)).toBe('ab');
    expect(truncate('ab😀', 4)).toBe('ab😀');
    expect(truncate('abc', 2)).toBe('ab');
  });
});
