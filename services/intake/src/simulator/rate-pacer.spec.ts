import { RatePacer } from './rate-pacer';

describe('RatePacer', () => {
  it('owes the rate by the time that passed, fractions carried over', () => {
    const pacer = new RatePacer();
    expect(pacer.take(0, 15)).toBe(0);
    const counts = Array.from({ length: 10 }, (_, i) => pacer.take((i + 1) * 100, 15));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(15);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('makes up the ticks skipped while a send was in flight', () => {
    const pacer = new RatePacer();
    pacer.take(0, 2_000);
    let sent = 0;
    for (let t = 100; t <= 1_000; t += 100) {
      // Every other tick finds the last send still in flight.
      if ((t / 100) % 2 === 1) sent += pacer.take(t, 2_000);
    }
    sent += pacer.take(1_100, 2_000);
    expect(sent).toBe(2_200);
  });

  it('owes at most a second after a long stall, and nothing for the time it was reset', () => {
    const pacer = new RatePacer();
    pacer.take(0, 100);
    expect(pacer.take(60_000, 100)).toBe(100);
    pacer.reset();
    expect(pacer.take(120_000, 100)).toBe(0);
    expect(pacer.take(120_500, 100)).toBe(50);
  });
});
