import { alertsTopic, type Alert, type AlertEvent } from '@liaowang/contract';
import { AlertFeed } from './alert-feed';

const anAlert = (cursor: number, overrides: Partial<Alert> = {}): Alert => ({ ...alertsTopic.example.alert, id: `alert-${cursor}`, cursor, ...overrides });
const live = (cursor: number): AlertEvent => ({ event: 'new', alert: anAlert(cursor) });
const updated = (cursor: number): AlertEvent => ({ event: 'updated', alert: anAlert(cursor, { count: 2 }) });

function feed() {
  const received: string[] = [];
  const alertFeed = new AlertFeed((event, alert) => received.push(`${event === 'alerts:new' ? 'new' : 'upd'}:${alert.cursor}`));
  return { alertFeed, received };
}

describe(AlertFeed.name, () => {
  it('holds live events from the connection until the catch-up is done, replay first', () => {
    const { alertFeed, received } = feed();
    alertFeed.live(live(7));
    expect(received).toEqual([]);
    // The index already had 5, 6 and 7 when the replay ran; 8 came after.
    alertFeed.live(live(8));
    expect(alertFeed.finishCatchUp([anAlert(5), anAlert(6), anAlert(7)])).toBe(3);
    expect(received).toEqual(['new:5', 'new:6', 'new:7', 'new:8']);
    expect(alertFeed.catchingUp).toBe(false);
  });

  it('sends live events at once after the catch-up, each cursor once', () => {
    const { alertFeed, received } = feed();
    alertFeed.finishCatchUp();
    alertFeed.live(live(3));
    alertFeed.live(live(3)); // published again by a recorder that restarted
    alertFeed.live(live(2)); // older than what was sent
    alertFeed.live(live(4));
    expect(received).toEqual(['new:3', 'new:4']);
  });

  it('passes updates through, also those held back', () => {
    const { alertFeed, received } = feed();
    alertFeed.live(updated(1));
    alertFeed.finishCatchUp([anAlert(1)]);
    alertFeed.live(updated(1));
    expect(received).toEqual(['new:1', 'upd:1', 'upd:1']);
  });

  it('replays after a late alerts:since what it missed, without what already went out live', () => {
    const { alertFeed, received } = feed();
    alertFeed.finishCatchUp(); // grace over, no alerts:since yet
    alertFeed.live(live(10));
    alertFeed.startCatchUp();
    alertFeed.live(live(11));
    expect(alertFeed.finishCatchUp([anAlert(8), anAlert(9), anAlert(10), anAlert(11)])).toBe(3);
    expect(received).toEqual(['new:10', 'new:8', 'new:9', 'new:11']);
  });

  it('a second catch-up (reconnect logic on the same socket) sends nothing twice', () => {
    const { alertFeed, received } = feed();
    alertFeed.finishCatchUp([anAlert(1), anAlert(2)]);
    alertFeed.startCatchUp();
    alertFeed.finishCatchUp([anAlert(1), anAlert(2), anAlert(3)]);
    expect(received).toEqual(['new:1', 'new:2', 'new:3']);
  });
});
