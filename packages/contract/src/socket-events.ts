import type { Alert } from './alert';
import type { Case } from './case';
import type { ItemSummary } from './enriched-item';
import type { Action } from './permissions';

/** Socket.IO namespace the dashboard connects to; the handshake carries `auth: { token }`. */
export const LIVE_NAMESPACE = '/live';

export interface ServerToClientEvents {
  /**
   * Items just indexed and searchable: one event per indexer batch (not one per item), so a
   * dashboard gets a few events a second at 2,000 items/s instead of 2,000.
   */
  'items:indexed': (items: ItemSummary[]) => void;
  /** The socket's session ended (signed out, revoked, expired, idle, user disabled or re-roled); the server disconnects next. */
  'session:ended': (ended: SessionEnded) => void;
  /**
   * A new alert (R-ALR-2). Cursors only grow; after `alerts:since` the missed ones come first,
   * in cursor order, each once, then the live ones.
   */
  'alerts:new': (alert: Alert) => void;
  /** An alert changed: more matches counted in, or acknowledged, dismissed, promoted. */
  'alerts:updated': (alert: Alert) => void;
  /** A case was opened or changed (R-CASE-1, R-UI-3): the whole case, with its new version. */
  'cases:updated': (kase: Case) => void;
}

/** Why a session stopped being valid (R-SEC-3); the dashboard shows a message per reason. */
export const SESSION_END_REASONS = [
  'invalid-token',
  'unknown-session',
  'revoked',
  'expired',
  'idle',
  'unknown-user',
  'user-disabled',
  'role-changed',
] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

export interface SessionEnded {
  reason: SessionEndReason;
}

/**
 * The reply to `alerts:since`. A replay sends at most ALERT_REPLAY_LIMIT alerts, the newest of
 * those missed, so the live stream follows without a gap; `more` says older missed ones remain,
 * which GET /api/v1/alerts?cursor=<first replayed cursor> pages through.
 */
export interface AlertReplay {
  replayed: number;
  more: boolean;
}
export const ALERT_REPLAY_LIMIT = 1_000;

export interface ClientToServerEvents {
  /** Ask for the newest items (on connect or reconnect). */
  'items:recent': (limit: number, reply: (items: ItemSummary[]) => void) => void;
  /**
   * Resume the alert stream after the last cursor seen (null: only what comes from now on). The
   * missed alerts arrive as `alerts:new`; the reply says how many were replayed.
   */
  'alerts:since': (request: { cursor: number | null }, reply?: (result: AlertReplay | { error: string }) => void) => void;
}

/**
 * The action of the permission table each client event performs: the gateway checks it on every
 * event, and a client event missing here does not compile (R-SEC-1, R-SEC-5).
 */
export const CLIENT_EVENT_ACTIONS: { [E in keyof ClientToServerEvents]: Action } = {
  'items:recent': 'items.live',
  'alerts:since': 'alerts.read',
};

/** The action a role needs to receive each server event (the gateway sends it to that room only). */
export const SERVER_EVENT_ACTIONS: { [E in keyof ServerToClientEvents]: Action } = {
  'items:indexed': 'items.live',
  'session:ended': 'auth.me',
  'alerts:new': 'alerts.read',
  'alerts:updated': 'alerts.read',
  'cases:updated': 'cases.read',
};
