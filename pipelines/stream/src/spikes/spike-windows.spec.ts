import { beijingLabel, historyOf, judgedWindows, spikeId, windowAt } from './spike-windows';
import { watchedKeywords } from './watched-keywords';

describe('spike windows', () => {
  const at = Date.parse('2026-12-01T06:27:30Z'); // 14:27:30 in Beijing

  it('aligns windows on the 10-minute marks and judges the running one and the one just closed', () => {
    expect(judgedWindows(at).map((w) => [new Date(w.from).toISOString(), new Date(w.to).toISOString()])).toEqual([
      ['2026-12-01T06:20:00.000Z', '2026-12-01T06:30:00.000Z'],
      ['2026-12-01T06:10:00.000Z', '2026-12-01T06:20:00.000Z'],
    ]);
  });

  it('reads the same Beijing time of day on each previous day, and the last hour', () => {
    const { seasonal, recent } = historyOf(windowAt(at));
    expect(seasonal).toHaveLength(7);
    expect(beijingLabel(seasonal[0])).toBe('2026-11-30 14:20–14:30');
    expect(beijingLabel(seasonal[6])).toBe('2026-11-24 14:20–14:30');
    expect(recent.map(beijingLabel)).toEqual(['13:20', '13:30', '13:40', '13:50', '14:00', '14:10'].reverse().map((t, i, all) => `2026-12-01 ${t}–${i === 0 ? '14:20' : all[i - 1]}`));
  });

  it('labels a window across midnight in Beijing time', () => {
    expect(beijingLabel(windowAt(Date.parse('2026-12-01T15:55:00Z')))).toBe('2026-12-01 23:50–00:00');
  });

  it('gives one id per series and window', () => {
    const w = windowAt(at);
    expect(spikeId('story', 'st-1', w)).toBe(spikeId('story', 'st-1', windowAt(at + 60_000)));
    expect(spikeId('story', 'st-1', w)).not.toBe(spikeId('story', 'st-2', w));
    expect(spikeId('story', 'st-1', w)).not.toBe(spikeId('keyword', 'st-1', w));
    expect(spikeId('story', 'st-1', w)).not.toBe(spikeId('story', 'st-1', windowAt(at + 600_000)));
    expect(spikeId('negative', 'negative', w)).toMatch(/^sp-negative-[0-9a-f]{12}-20261201T0620Z$/);
  });
});

describe('watchedKeywords', () => {
  it('takes the terms of keyword rules, not those under NOT, once each', () => {
    expect(watchedKeywords(['停课 AND (网传 OR "紧急扩散")', '停课 NOT 辟谣', '化工厂 NEAR/5 偷排'])).toEqual(['停课', '偷排', '化工厂', '紧急扩散', '网传'].sort());
  });

  it('skips a query that does not parse', () => {
    expect(watchedKeywords(['(停课', '爆炸'])).toEqual(['爆炸']);
  });
});
