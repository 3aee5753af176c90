import type { ItemSummary } from '@liaowang/contract';
import { useLiveConnection, useLiveEvent } from '../../app/live-connection';
import { LIVE_LIST_CAP } from './merge-items';

export interface LiveItemsHandlers {
  /** Newest items fetched on every (re)connect: what was missed while offline (R-ALR-2, R-REL-4). */
  onRecent(items: ItemSummary[]): void;
  /** Newly indexed items pushed by the server (one indexer batch). */
  onIndexed(items: ItemSummary[]): void;
}

const RECENT_TIMEOUT_MS = 10_000;

/** Follows indexed items on the session's live connection, catching up on every (re)connect. */
export function useLiveItemsFeed(handlers: LiveItemsHandlers): void {
  const { socket } = useLiveConnection();
  useLiveEvent(
    'items:indexed',
    (items) => {
      if (Array.isArray(items)) handlers.onIndexed(items);
    },
    () =>
      socket.timeout(RECENT_TIMEOUT_MS).emit('items:recent', LIVE_LIST_CAP, (error, items) => {
        // A lost ack is not fatal: the next reconnect asks again, live pushes keep flowing.
        if (!error && Array.isArray(items)) handlers.onRecent(items);
      }),
  );
}
