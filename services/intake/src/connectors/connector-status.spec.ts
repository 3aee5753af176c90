import type { ConnectorStatus } from '@liaowang/contract';
import { connectorIdFor, mergedStatus, type PendingStatus } from './connector-status.book';

describe('connector status', () => {
  const now = new Date('2026-12-01T04:00:00.000Z');
  const news = (over: Partial<PendingStatus> = {}): PendingStatus => ({ type: 'feed', name: 'news · https://a/rss', counts: { accepted: 2, rejected: 1, duplicate: 0, skipped: 3 }, ...over });

  it('starts a connector not stored yet from this instance’s counts', () => {
    expect(mergedStatus(undefined, 'feed:1', news({ lastRunAt: now.toISOString(), lastSuccessAt: now.toISOString(), failing: false }), now)).toEqual({
      id: 'feed:1', type: 'feed', name: 'news · https://a/rss', state: 'running', paused: false,
      accepted: 2, rejected: 1, duplicate: 0, skipped: 3, lastRunAt: now.toISOString(), lastSuccessAt: now.toISOString(), updatedAt: now.toISOString(),
    });
  });

  it('adds counts to what other instances stored, takes the latest error and keeps an admin’s pause', () => {
    const stored: ConnectorStatus = { id: 'feed:1', type: 'feed', name: 'old', state: 'paused', paused: true, pausedBy: 'admin', accepted: 10, rejected: 0, duplicate: 4, skipped: 1, lastSuccessAt: '2026-12-01T05:00:00.000Z' };
    const merged = mergedStatus(stored, 'feed:1', news({ lastRunAt: now.toISOString(), lastSuccessAt: now.toISOString(), lastError: 'HTTP 500 from the feed', lastErrorAt: now.toISOString(), failing: true }), now);
    expect(merged).toMatchObject({ accepted: 12, rejected: 1, duplicate: 4, skipped: 4, state: 'paused', paused: true, pausedBy: 'admin', lastError: 'HTTP 500 from the feed' });
    // Another instance succeeded later: that time stays.
    expect(merged.lastSuccessAt).toBe('2026-12-01T05:00:00.000Z');
    expect(mergedStatus({ ...stored, paused: false, state: 'running' }, 'feed:1', news({ failing: true }), now).state).toBe('failing');
  });

  it('names the push connector of a kind for HTTP pushes, the source itself otherwise', () => {
    expect(connectorIdFor('http', 'comment')).toBe('push:comment');
    expect(connectorIdFor('simulator', 'mention')).toBe('simulator');
    expect(connectorIdFor('feed:abc', 'mention')).toBe('feed:abc');
  });
});
