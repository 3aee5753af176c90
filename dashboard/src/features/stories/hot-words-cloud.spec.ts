import { CLOUD_MAX_PX, CLOUD_MIN_PX, cloudSizes, storyWindow } from './hot-words-cloud';

const word = (w: string, score: number) => ({ word: w, count: 3, backgroundCount: 5, score });

describe('cloudSizes', () => {
  it('gives the most significant word the largest size and the least the smallest', () => {
    expect(cloudSizes([word('停水', 4), word('小区', 1), word('热线', 0.1)])).toEqual([
      { word: '停水', px: CLOUD_MAX_PX },
      { word: '小区', px: expect.any(Number) },
      { word: '热线', px: CLOUD_MIN_PX },
    ]);
    const [, middle] = cloudSizes([word('停水', 4), word('小区', 1), word('热线', 0.1)]);
    expect(middle.px).toBeGreaterThan(CLOUD_MIN_PX);
    expect(middle.px).toBeLessThan(CLOUD_MAX_PX);
  });

  it('copes with no words and with equal scores', () => {
    expect(cloudSizes([])).toEqual([]);
    expect(cloudSizes([word('停水', 2), word('小区', 2)]).map((s) => s.px)).toEqual([CLOUD_MAX_PX, CLOUD_MAX_PX]);
  });
});

describe('storyWindow', () => {
  it('runs from first seen to a second after last seen, so a one-item story has a window', () => {
    expect(storyWindow({ firstSeen: '2026-12-01T08:00:00+08:00', lastSeen: '2026-12-01T08:00:00+08:00' })).toEqual({
      since: '2026-12-01T08:00:00+08:00',
      until: '2026-12-01T00:00:01.000Z',
    });
  });
});
