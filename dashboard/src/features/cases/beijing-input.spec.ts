import { fromBeijingInput } from './beijing-input';

describe('fromBeijingInput', () => {
  it('reads a datetime-local value as Beijing time', () => {
    expect(fromBeijingInput('2026-03-02T18:00')).toBe('2026-03-02T10:00:00.000Z');
    expect(fromBeijingInput('2026-01-01T07:30:15')).toBe('2025-12-31T23:30:15.000Z');
  });
  it('refuses empty and broken values', () => {
    expect(fromBeijingInput('')).toBeUndefined();
    expect(fromBeijingInput('明天')).toBeUndefined();
  });
});
