import type { Role } from '../roles';
import type { IndexTemplateDefinition } from './index-template';

// R-SEC-3: the allow-list of issued sessions. A token is honoured only while its document here
// exists and is neither revoked, past its end nor idle, so every API instance sees a sign-out at
// once (a GET by id is realtime). Not a record: a restore without it signs everyone out.
export const sessionsIndex: IndexTemplateDefinition = {
  alias: 'liaowang-sessions',
  templateName: 'liaowang-sessions-v1',
  version: 1,
  indexPatterns: ['liaowang-sessions-v1'],
  settings: { number_of_shards: 1, number_of_replicas: 0 },
  ofRecord: false,
  mappings: {
    dynamic: 'strict',
    properties: {
      sessionId: { type: 'keyword' },
      username: { type: 'keyword' },
      role: { type: 'keyword' },
      issuedAt: { type: 'date' },
      lastSeenAt: { type: 'date' },
      expiresAt: { type: 'date' },
      revokedAt: { type: 'date' },
      revokedBy: { type: 'keyword' },
      clientAddress: { type: 'keyword' },
    },
  },
};

/** The concrete index behind the sessions alias. */
export const SESSIONS_INDEX_NAME = 'liaowang-sessions-v1';

export interface SessionDocument {
  sessionId: string;
  username: string;
  role: Role;
  issuedAt: string;
  /** Updated at most once a minute per session (idle timeout). */
  lastSeenAt: string;
  /** Absolute end (SESSION_TTL_MINUTES after sign-in). */
  expiresAt: string;
  revokedAt?: string;
  /** Username of whoever ended it (the user themself on sign-out). */
  revokedBy?: string;
  clientAddress?: string;
}
