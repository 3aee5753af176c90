import type { ItemSummary } from './enriched-item';

/** Socket.IO namespace the dashboard connects to; the handshake carries `auth: { token }`. */
export const LIVE_NAMESPACE = '/live';

export interface ServerToClientEvents {
  /**
   * Items just indexed and searchable: one event per indexer batch (not one per item), so a
   * dashboard gets a few events a second at 2,000 items/s instead of 2,000.
   */
  'items:indexed': (items: ItemSummary[]) => void;
}

export interface ClientToServerEvents {
  /** Ask for the newest items (on connect or reconnect). */
  'items:recent': (limit: number, reply: (items: ItemSummary[]) => void) => void;
}
