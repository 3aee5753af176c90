import { judgePushedCase } from './pushed-case';

describe('judgePushedCase', () => {
  it('ignores a version we already hold or passed', () => {
    expect(judgePushedCase(4, 4, 0, 0)).toBe('ignore');
    expect(judgePushedCase(4, 3, 1, 0)).toBe('ignore');
  });
  it('applies a newer version when no form holds input, or before the case was loaded', () => {
    expect(judgePushedCase(4, 5, 0, 0)).toBe('apply');
    expect(judgePushedCase(undefined, 5, 2, 0)).toBe('apply');
  });
  it('reports our copy stale when a newer version comes while a form holds input', () => {
    expect(judgePushedCase(4, 5, 1, 0)).toBe('stale');
  });
  it('takes the newer version during our own write as ours', () => {
    expect(judgePushedCase(4, 5, 1, 1)).toBe('apply');
  });
});
