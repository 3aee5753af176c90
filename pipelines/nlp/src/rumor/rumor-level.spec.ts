import { DEFAULT_RUMOR_ALERT_THRESHOLD } from '@liaowang/contract';
import { rumorLevel, RUMOR_MEDIUM_FROM } from './rumor-level';

describe('rumorLevel', () => {
  it('is high exactly from the shipped alert threshold', () => {
    expect(rumorLevel(DEFAULT_RUMOR_ALERT_THRESHOLD)).toBe('high');
    expect(rumorLevel(1)).toBe('high');
    expect(rumorLevel(DEFAULT_RUMOR_ALERT_THRESHOLD - 1e-9)).toBe('medium');
  });

  it('is medium from the lower cut, low below it', () => {
    expect(RUMOR_MEDIUM_FROM).toBeLessThan(DEFAULT_RUMOR_ALERT_THRESHOLD);
    expect(rumorLevel(RUMOR_MEDIUM_FROM)).toBe('medium');
    expect(rumorLevel(RUMOR_MEDIUM_FROM - 1e-9)).toBe('low');
    expect(rumorLevel(0)).toBe('low');
  });
});
