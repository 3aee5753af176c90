import { z } from 'zod';
import type { ItemSummary } from './enriched-item';
import type { Role } from './roles';
import type { ItemFacets } from './search-api';

export const API_PREFIX = '/api/v1';

export const loginRequestSchema = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export interface SessionUser {
  username: string;
  displayName: string;
  role: Role;
}

export interface LoginResponse {
  token: string;
  /** ISO time the session ends (R-SEC-3). */
  expiresAt: string;
  user: SessionUser;
}

export interface IntakeAccepted {
  id: string;
  /** True when this item was received before: it is stored once, and counted as a duplicate (R-ING-4). */
  duplicate: boolean;
}

export interface ItemSearchResponse {
  total: number;
  items: ItemSummary[];
  /** Opaque: pass as `cursor` for the page after this one; absent on the last page. */
  cursor?: string;
  /** Counts per facet value over all matches (unless `facets=false`). */
  facets?: ItemFacets;
}

/** RFC 9457 problem details, the body of every error response. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** Field paths that failed validation, with the message for each. */
  errors?: { field: string; message: string }[];
  correlationId?: string;
}
