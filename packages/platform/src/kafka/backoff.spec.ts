import { backoffDelay } from './backoff';

describe(backoffDelay.name, () => {
  it('grows with the attempt and stays within the cap', () => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const d = backoffDelay(attempt);
      const exp = Math.min(10_000, 200 * 2 ** attempt);
      expect(d).toBeGreaterThanOrEqual(exp / 2);
      expect(d).toBeLessThanOrEqual(exp);
    }
  });
});
