import { assessConsumerLiveness, ConsumerLoopState } from './consumer-health';

describe('consumer liveness', () => {
  const bound = 60_000;
  const fresh = () => new ConsumerLoopState('indexer', 'liaowang-indexer', bound, 0);
  const live = (state: ConsumerLoopState, now: number) => assessConsumerLiveness(state.snapshot(), now);

  it('is live while the loop idles with fetches inside the bound', () => {
    const state = fresh();
    state.joinedGroup(1_000);
    for (let t = 5_000; t <= 300_000; t += 5_000) state.activity(t);
    expect(live(state, 300_000 + bound)).toEqual({ stage: 'indexer', groupId: 'liaowang-indexer', live: true });
  });

  it('is not live once the loop has been silent longer than the bound', () => {
    const state = fresh();
    state.activity(10_000);
    expect(live(state, 10_000 + bound).live).toBe(true);
    expect(live(state, 10_001 + bound)).toMatchObject({ live: false, reason: expect.stringMatching(/^no fetch or batch for 60001 ms/) });
  });

  it('is not live once one batch attempt has run longer than the bound, though fetches go on', () => {
    const state = fresh();
    state.attemptStarted(1_000);
    state.activity(50_000);
    expect(live(state, 1_000 + bound).live).toBe(true);
    expect(live(state, 1_001 + bound)).toMatchObject({ live: false, reason: expect.stringMatching(/^a batch has been running for 60001 ms/) });
  });

  it('judges by the oldest attempt still running and is live again when it ends', () => {
    const state = fresh();
    const slow = state.attemptStarted(1_000);
    const quick = state.attemptStarted(30_000);
    state.attemptEnded(quick, 31_000);
    expect(state.snapshot().oldestAttemptStartedAt).toBe(1_000);
    expect(live(state, 70_000).live).toBe(false);
    state.attemptEnded(slow, 70_000);
    expect(state.snapshot().oldestAttemptStartedAt).toBeNull();
    expect(live(state, 70_000).live).toBe(true);
  });

  it('stays live while failed attempts are retried (an Elasticsearch outage): each attempt ends', () => {
    const state = fresh();
    for (let t = 0; t < 600_000; t += 12_000) state.attemptEnded(state.attemptStarted(t), t + 2_000);
    expect(live(state, 600_000).live).toBe(true);
  });

  it('is not live after a crash kafkajs will not restart, and is after one it restarts', () => {
    const restarting = fresh();
    restarting.joinedGroup(0);
    restarting.crashedOut(true, 100_000);
    expect(restarting.snapshot().joined).toBe(false);
    expect(live(restarting, 100_000 + bound).live).toBe(true);

    const dead = fresh();
    dead.joinedGroup(0);
    dead.crashedOut(false, 1_000);
    expect(live(dead, 1_000)).toMatchObject({ live: false, reason: 'the consumer crashed and will not restart' });
  });

  it('counts as joined from the group join until a rebalance, stop or disconnect', () => {
    const state = fresh();
    expect(state.snapshot().joined).toBe(false);
    state.joinedGroup(1_000);
    expect(state.snapshot().joined).toBe(true);
    state.leftGroup();
    expect(state.snapshot().joined).toBe(false);
  });
});
