import type { AlertRule } from '@liaowang/contract';
import { aRule, anItem } from '../../test-support/alert.factories';
import { compileRule, prepareItem } from './rule-matcher';

const verdict = (match: AlertRule['match'], item = anItem()) => compileRule(aRule({ match })).test(prepareItem(item));

describe(compileRule.name, () => {
  const rumor = anItem({ text: '紧急扩散！明天江城全市停水三天', rumor: 0.9 });
  const praise = anItem({ text: '公交线路调整后上班方便多了，谢谢交通局！', rumor: 0.2, sentiment: { label: 'positive', score: 0.9 } });

  it('needs every condition the rule gives', () => {
    expect(verdict({ keywords: '停水', rumorRiskAtLeast: 0.8 }, rumor)).toEqual({ matched: true, reasons: ['rumor:0.90', '停水'] });
    expect(verdict({ keywords: '停水', rumorRiskAtLeast: 0.95 }, rumor).matched).toBe(false);
    expect(verdict({ keywords: '停水' }, praise).matched).toBe(false);
  });

  it('reads negative sentiment with its confidence', () => {
    const angry = anItem({ text: '公交车又晚点四十分钟', sentiment: { label: 'negative', score: 0.8 } });
    expect(verdict({ negativeAtLeast: 0.7 }, angry).matched).toBe(true);
    expect(verdict({ negativeAtLeast: 0.9 }, angry).matched).toBe(false);
    expect(verdict({ negativeAtLeast: 0.5 }, praise).matched).toBe(false);
  });

  it('matches prohibited categories and item kinds (every impostor report)', () => {
    const flagged = anItem({ categories: ['false_alarm_rumor'] });
    expect(verdict({ categories: ['false_alarm_rumor', 'state_security'] }, flagged)).toEqual({ matched: true, reasons: ['category:false_alarm_rumor'] });
    expect(verdict({ categories: ['state_security'] }, flagged).matched).toBe(false);
    expect(verdict({ kinds: ['impostor_report'] }, anItem({ kind: 'impostor_report' })).matched).toBe(true);
    expect(verdict({ kinds: ['impostor_report'] }, anItem({ kind: 'comment' })).matched).toBe(false);
  });

  it('matches a watched name as the author or in the text', () => {
    const byAccount = anItem({ text: '今天天气不错', author: { id: 'jc-gov', name: '江城发布' } });
    const aboutAccount = anItem({ text: '江城发布说的不对吧' });
    expect(verdict({ watchedNames: ['江城发布'] }, byAccount).matched).toBe(true);
    expect(verdict({ watchedNames: ['江城发布'] }, aboutAccount)).toEqual({ matched: true, reasons: ['watched:江城发布'] });
    expect(verdict({ watchedNames: ['江城发布'] }, praise).matched).toBe(false);
  });

  it('knows its quiet hours in Asia/Shanghai, across midnight', () => {
    const rule = compileRule(aRule({ quietHours: { from: '22:00', to: '06:00' } }));
    expect(rule.quietAt(new Date('2026-12-01T15:30:00Z'))).toBe(true); // 23:30 in Shanghai
    expect(rule.quietAt(new Date('2026-12-01T21:59:00Z'))).toBe(true); // 05:59
    expect(rule.quietAt(new Date('2026-12-01T22:00:00Z'))).toBe(false); // 06:00
    expect(rule.quietAt(new Date('2026-12-01T04:00:00Z'))).toBe(false); // 12:00
    expect(compileRule(aRule()).quietAt(new Date('2026-12-01T15:30:00Z'))).toBe(false);
  });
});
