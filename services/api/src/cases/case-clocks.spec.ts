import { DEFAULT_CASE_CLOCK_POLICY } from '@liaowang/contract';
import { makeCase } from './case-factory';
import {
  addSpan,
  computeClocks,
  dueBreaches,
  markNotified,
  noticeClaimExpired,
  recordBreaches,
  unnotifiedBreaches,
} from './case-clocks';

const beijing = (local: string) => new Date(`${local}+08:00`);

describe('case clocks', () => {
  it('counts hours as elapsed time', () => {
    expect(addSpan(beijing('2026-02-14T22:30:00'), { hours: 5 }).toISOString()).toBe(
      beijing('2026-02-15T03:30:00').toISOString(),
    );
  });

  // 2026 Spring Festival: 15–23 February off, Saturday 14 February a make-up workday.
  it('counts working days across the Spring Festival holiday, the make-up Saturday included', () => {
    // Friday 13 Feb: Sat 14 (make-up) is the 1st, 24 Feb the 2nd, 25 Feb the 3rd working day.
    expect(addSpan(beijing('2026-02-13T10:00:00'), { workingDays: 3 }).toISOString()).toBe(
      beijing('2026-02-26T00:00:00').toISOString(),
    );
    // Received on the holiday's first day: 24, 25, 26, 27 Feb and the make-up Saturday 28 Feb.
    expect(addSpan(beijing('2026-02-15T09:00:00'), { workingDays: 5 }).toISOString()).toBe(
      beijing('2026-03-01T00:00:00').toISOString(),
    );
  });

  it('counts the make-up Saturday 28 February 2026 as a working day and an ordinary Saturday not', () => {
    expect(addSpan(beijing('2026-02-27T17:00:00'), { workingDays: 1 }).toISOString()).toBe(
      beijing('2026-03-01T00:00:00').toISOString(),
    );
    expect(addSpan(beijing('2026-03-06T17:00:00'), { workingDays: 1 }).toISOString()).toBe(
      beijing('2026-03-10T00:00:00').toISOString(),
    );
  });

  it('counts days in Beijing time whatever the instant', () => {
    // 2026-02-12T17:00Z is already Friday 13 February 01:00 in Beijing.
    expect(addSpan(new Date('2026-02-12T17:00:00Z'), { workingDays: 3 }).toISOString()).toBe(
      beijing('2026-02-26T00:00:00').toISOString(),
    );
  });

  it('sets first release and close from receipt, the next update from the latest release', () => {
    const policy = { ...DEFAULT_CASE_CLOCK_POLICY.grades.III, version: 0 };
    const opened = makeCase({ openedAt: beijing('2026-02-13T10:00:00').toISOString() });
    const clocks = computeClocks(opened, policy);
    expect(clocks.firstReleaseDueAt).toBe(beijing('2026-02-13T15:00:00').toISOString());
    expect(clocks.nextUpdateDueAt).toBeUndefined();
    expect(clocks.closeDueAt).toBe(addSpan(beijing('2026-02-13T10:00:00'), { workingDays: 5 }).toISOString());
    const released = {
      ...opened,
      agreedLine: { statementId: 's', text: '口径', releasedAt: beijing('2026-02-13T14:00:00').toISOString() },
    };
    expect(computeClocks(released, policy).nextUpdateDueAt).toBe(beijing('2026-02-14T02:00:00').toISOString());
  });

  it('finds a missed deadline once and not after it is recorded, nor on an archived case', () => {
    const kase = makeCase({
      state: 'response',
      clocks: { firstReleaseDueAt: '2026-03-02T10:00:00.000Z', breaches: [] },
    });
    expect(dueBreaches(kase, new Date('2026-03-02T09:59:59.000Z'))).toEqual([]);
    const now = new Date('2026-03-02T10:00:01.000Z');
    expect(dueBreaches(kase, now)).toEqual([{ clock: 'first_release', dueAt: '2026-03-02T10:00:00.000Z' }]);
    const recorded = recordBreaches(kase, dueBreaches(kase, now), now);
    expect(recorded.timeline.at(-1)).toMatchObject({ type: 'clock_breached', by: 'system' });
    expect(dueBreaches(recorded, now)).toEqual([]);
    expect(dueBreaches({ ...kase, state: 'archive' }, now)).toEqual([]);
    const released = { ...kase, agreedLine: { statementId: 's', text: 't', releasedAt: '2026-03-02T09:00:00.000Z' } };
    expect(dueBreaches(released, now)).toEqual([]);
  });

  it('keeps a notice claim until its breaches are noted, and lets it be taken over after the lease only', () => {
    const due = { clock: 'first_release' as const, dueAt: '2026-03-02T10:00:00.000Z' };
    const claimedAt = '2026-03-02T10:00:01.000Z';
    const kase = makeCase({
      clocks: {
        firstReleaseDueAt: due.dueAt,
        breaches: [{ ...due, at: claimedAt }],
        noticeClaim: { by: 'a', at: claimedAt },
      },
    });
    expect(unnotifiedBreaches(kase)).toHaveLength(1);
    expect(noticeClaimExpired(kase, new Date('2026-03-02T10:00:30.000Z'), 60_000)).toBe(false);
    expect(noticeClaimExpired(kase, new Date('2026-03-02T10:01:01.000Z'), 60_000)).toBe(true);
    // A taker-over's claim stays when the first instance notes late; its own note clears it.
    const takenOver = { ...kase, clocks: { ...kase.clocks, noticeClaim: { by: 'b', at: '2026-03-02T10:01:01.000Z' } } };
    expect(markNotified(takenOver, [due], 'a', '2026-03-02T10:01:02.000Z').clocks.noticeClaim).toEqual({
      by: 'b',
      at: '2026-03-02T10:01:01.000Z',
    });
    const noted = markNotified(kase, [due], 'a', '2026-03-02T10:00:05.000Z');
    expect(noted.clocks.noticeClaim).toBeUndefined();
    expect(noted.clocks.breaches).toEqual([{ ...due, at: claimedAt, notifiedAt: '2026-03-02T10:00:05.000Z' }]);
    expect(unnotifiedBreaches(noted)).toEqual([]);
    expect(
      noticeClaimExpired(
        { ...noted, clocks: { ...noted.clocks, noticeClaim: { by: 'c', at: claimedAt } } },
        new Date('2026-03-03T00:00:00Z'),
        60_000,
      ),
    ).toBe(false);
    // Recomputing the clocks (a release) keeps the claim.
    expect(computeClocks(kase, { ...DEFAULT_CASE_CLOCK_POLICY.grades.III, version: 1 }).noticeClaim).toEqual({
      by: 'a',
      at: claimedAt,
    });
  });
});
