import { releaseSlot, reserveSlot, retryMessage } from './login-window';

const limit = { max: 3, windowMs: 60_000 };
const t0 = 1_000_000;

describe(reserveSlot.name, () => {
  it('takes a slot per attempt until the window is full, then says when the oldest leaves it', () => {
    let attempts = [] as { id: string; at: number }[];
    for (let i = 0; i < 3; i++) {
      const verdict = reserveSlot(attempts, t0 + i * 1000, limit, `a${i}`);
      if (!verdict.allowed) throw new Error('refused too early');
      attempts = verdict.attempts;
    }
    expect(reserveSlot(attempts, t0 + 10_000, limit, 'a3')).toEqual({ allowed: false, retryAfterMs: 50_000 });
  });

  it('lets attempts older than the window drop out', () => {
    const old = [0, 1, 2].map((i) => ({ id: `o${i}`, at: t0 + i }));
    const verdict = reserveSlot(old, t0 + 60_001, limit, 'n');
    expect(verdict).toEqual({ allowed: true, attempts: [{ id: 'o2', at: t0 + 2 }, { id: 'n', at: t0 + 60_001 }] });
  });

  it('hands a reservation back by its id', () => {
    expect(releaseSlot([{ id: 'a', at: 1 }, { id: 'b', at: 2 }], 'a')).toEqual([{ id: 'b', at: 2 }]);
  });
});

describe(retryMessage.name, () => {
  it('names the next full minute in Beijing time, in Chinese and English', () => {
    // 00:41:30 UTC is 08:41:30 in Beijing; a retry passes from 08:42.
    const now = Date.parse('2025-03-01T00:40:00Z');
    expect(retryMessage(90_000, now)).toBe('请于 08:42 后再试 / try again after 08:42');
  });
});
