import { z } from 'zod';
import { ITEM_KINDS, type ItemKind } from './item';
import { cleanString, httpUrl } from './item-text';

// R-ING-2: every way items come in is a connector with a status. Intake keeps each status in
// the connectors index (counts added up across intake instances); the API reads it, and an
// admin's pause is a flag on the same document that intake reads every poll interval.

export const CONNECTOR_STATES = ['running', 'failing', 'paused'] as const;
export type ConnectorState = (typeof CONNECTOR_STATES)[number];
export const CONNECTOR_TYPES = ['push', 'simulator', 'feed', 'report-page'] as const;
export type ConnectorType = (typeof CONNECTOR_TYPES)[number];

/** How often intake writes the statuses and reads pauses and feeds: a pause takes effect within this. */
export const CONNECTOR_POLL_INTERVAL_MS = 5_000;

export interface ConnectorCounts {
  accepted: number;
  rejected: number;
  duplicate: number;
  /** Feed entries that named none of the feed's keywords. */
  skipped: number;
}

/** A connector's status, as `GET /api/v1/connectors` shows it. */
export interface ConnectorStatus extends ConnectorCounts {
  id: string;
  type: ConnectorType;
  /** Shown name: the kind of a push endpoint, the platform label and URL of a feed. */
  name: string;
  state: ConnectorState;
  paused: boolean;
  lastRunAt?: string;
  lastSuccessAt?: string;
  lastError?: string;
  lastErrorAt?: string;
  pausedBy?: string;
  pausedAt?: string;
  updatedAt?: string;
}

/** The connector id of each push endpoint, one per kind. */
export function pushConnectorId(kind: ItemKind): string {
  return `push:${kind}`;
}
export function feedConnectorId(feedId: string): string {
  return `feed:${feedId}`;
}
export const SIMULATOR_CONNECTOR_ID = 'simulator';
export const REPORT_PAGE_CONNECTOR_ID = 'report-page';
export const PUSH_CONNECTOR_IDS = ITEM_KINDS.map(pushConnectorId);

export const connectorIdParamSchema = z.string().regex(/^[a-z_-]+(:[A-Za-z0-9_-]+)?$/, 'a connector id such as push:mention or feed:…').max(120);

/** Bounds of a feed's poll interval, in seconds. */
export const FEED_INTERVAL_MIN_S = 10;
export const FEED_INTERVAL_MAX_S = 86_400;

/** A feed an admin adds: an RSS 2.0 or Atom URL whose entries naming a keyword become mentions. */
export const feedInputSchema = z.object({
  url: httpUrl,
  /** The platform label the mentions get (e.g. `news`, `江城论坛`). */
  platform: cleanString(50),
  intervalSeconds: z.number().int().min(FEED_INTERVAL_MIN_S).max(FEED_INTERVAL_MAX_S).default(300),
  /** An entry is a mention when its title or text contains one of these (case-insensitive); none: every entry. */
  keywords: z.array(cleanString(100)).max(100).default([]),
});
export type FeedInput = z.input<typeof feedInputSchema>;
export const feedUpdateSchema = feedInputSchema.partial().refine((update) => Object.keys(update).length > 0, { message: 'change at least one field' });
export type FeedUpdate = z.output<typeof feedUpdateSchema>;

export interface Feed {
  id: string;
  url: string;
  platform: string;
  intervalSeconds: number;
  keywords: string[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}
