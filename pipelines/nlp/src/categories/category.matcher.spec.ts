import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { normalizeText } from '../text';
import { RUMOR_CATEGORY_THRESHOLD } from './category.constant';
import { createCategoryMatcher } from './category.matcher';
import { loadTermLists } from './term-list.loader';

describe('createCategoryMatcher', () => {
  const matcher = createCategoryMatcher(loadTermLists([]), normalizeText);
  const match = (text: string, rumor?: { score: number; reasons: string[] }) =>
    matcher.match(normalizeText(text), rumor);

  it('finds terms and patterns with their reasons', () => {
    expect(match('兼职刷单，日赚500，加微信详聊')).toEqual([
      { id: 'illicit_marketing', reasons: ['term:兼职刷单', 'term:刷单', 'pattern:加微信', 'pattern:日赚'] },
    ]);
    expect(match('这个网站搞网络赌博')).toEqual([{ id: 'public_morality', reasons: ['term:赌博'] }]);
  });

  it('catches traditional-script and full-width input through normalisation', () => {
    expect(match('宣揚邪教和封建迷信')).toEqual([
      { id: 'religion_cult_superstition', reasons: ['term:邪教', 'term:封建迷信'] },
    ]);
    expect(match('加ＶＸ了解')).toEqual([{ id: 'illicit_marketing', reasons: ['pattern:加微信'] }]);
  });

  it('returns several categories in the order of CATEGORY_IDS', () => {
    expect(match('紧急扩散！网络赌博').map((c) => c.id)).toEqual(['public_morality', 'false_alarm_rumor']);
  });

  it('returns nothing for ordinary, empty and emoji-only posts', () => {
    expect(match('今天社区组织志愿者打扫卫生，大家都很开心')).toEqual([]);
    expect(match('')).toEqual([]);
    expect(match('😀😀👍')).toEqual([]);
  });

  it('raises false_alarm_rumor from a high rumor score, with the rumor reasons', () => {
    const high = { score: RUMOR_CATEGORY_THRESHOLD, reasons: ['hearsay:网传', 'urgency:速转'] };
    expect(match('网传明天停水', high)).toEqual([
      { id: 'false_alarm_rumor', reasons: ['rumor:hearsay:网传', 'rumor:urgency:速转'] },
    ]);
    expect(match('网传明天停水', { score: RUMOR_CATEGORY_THRESHOLD - 0.01, reasons: ['hearsay:网传'] })).toEqual([]);
    expect(match('网传明天停水', { score: 0.95, reasons: [] })).toEqual([
      { id: 'false_alarm_rumor', reasons: ['rumor:score 0.95'] },
    ]);
  });

  it('bounds the reasons of a long text', () => {
    const text = Array.from({ length: 50 }, (_, i) => `刷单${i}代刷${i}躺赚传销拉人头套现`).join('');
    const [category] = match(text);
    expect(category.reasons.length).toBeLessThanOrEqual(10);
  });

  it('uses terms an administrator added in an extra directory', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'liaowang-terms-'));
    try {
      writeFileSync(path.join(dir, 'other_unlawful.txt'), '非法集資\n');
      const extended = createCategoryMatcher(loadTermLists([dir]), normalizeText);
      expect(extended.match(normalizeText('有人在搞非法集资'))).toEqual([
        { id: 'other_unlawful', reasons: ['term:非法集資'] },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
