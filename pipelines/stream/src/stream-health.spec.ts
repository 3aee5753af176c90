import type { ConsumerHealth } from '@liaowang/platform';
import { livenessOf, readinessOf } from './stream-health';

const consumer = (groupId: string, over: Partial<ConsumerHealth> = {}): ConsumerHealth => ({
  stage: groupId,
  groupId,
  joined: true,
  crashed: false,
  lastActivityAt: 0,
  oldestAttemptStartedAt: null,
  stuckAfterMs: 60_000,
  ...over,
});

describe('stream readiness', () => {
  it('is ready when Kafka and Elasticsearch answer and every consumer has joined', () => {
    expect(readinessOf([consumer('a'), consumer('b')], true, true)).toEqual({
      ready: true,
      checks: { kafka: true, elasticsearch: true, consumersJoined: true },
      notJoined: [],
    });
  });

  it('is not ready with Elasticsearch down, with Kafka down, or with a consumer not joined, and names it', () => {
    expect(readinessOf([consumer('a')], true, false)).toMatchObject({ ready: false, checks: { elasticsearch: false } });
    expect(readinessOf([consumer('a')], false, true)).toMatchObject({ ready: false, checks: { kafka: false } });
    expect(readinessOf([consumer('a'), consumer('b', { joined: false })], true, true)).toMatchObject({
      ready: false,
      checks: { consumersJoined: false },
      notJoined: ['b'],
    });
  });
});

describe('stream liveness', () => {
  it('is live only when every consumer is', () => {
    const stuck = consumer('b', { oldestAttemptStartedAt: 0 });
    expect(livenessOf([consumer('a', { lastActivityAt: 100_000 }), stuck], 100_000)).toMatchObject({
      live: false,
      consumers: [{ groupId: 'a', live: true }, { groupId: 'b', live: false }],
    });
    expect(livenessOf([consumer('a', { lastActivityAt: 100_000 })], 100_000).live).toBe(true);
  });
});
