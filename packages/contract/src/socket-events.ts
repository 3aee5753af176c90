import type { ItemSummary } from './enriched-item';

/** Socket.IO namespace the dashboard connects to; the handshake carries `auth: { token }`. */
export const LIVE_NAMESPACE = '/live';

export interface ServerToClientEvents {
  /** A new item was indexed and is searchable. */
  'item:indexed': (item: ItemSummary) => void;
}

export interface ClientToServerEvents {
  /** Ask for the newest items (on connect or reconnect). */
  'items:recent': (limit: number, reply: (items: ItemSummary[]) => void) => void;
}
