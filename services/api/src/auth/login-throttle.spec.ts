import { LoginThrottle } from './login-throttle';

describe(LoginThrottle.name, () => {
  it('blocks after the allowed failures and frees the key after the window', () => {
    const throttle = new LoginThrottle(3, 60_000);
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) {
      expect(throttle.retryAfter('duty', t0 + i)).toBe(0);
      throttle.fail('duty', t0 + i);
    }
    expect(throttle.retryAfter('duty', t0 + 10)).toBe(60);
    expect(throttle.retryAfter('other', t0 + 10)).toBe(0);
    expect(throttle.retryAfter('duty', t0 + 60_001)).toBe(0);
  });

  it('forgets failures after a success', () => {
    const throttle = new LoginThrottle(1, 60_000);
    throttle.fail('duty', 0);
    throttle.succeed('duty');
    expect(throttle.retryAfter('duty', 1)).toBe(0);
  });
});
