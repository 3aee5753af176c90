import {
  SESSIONS_INDEX_NAME,
  USERS_INDEX_NAME,
  type SessionDocument,
  type SessionEndReason,
  type SessionUser,
  type UserDocument,
} from '@liaowang/contract';
import { randomBytes } from 'node:crypto';
import type { ElasticsearchClient } from '../elasticsearch/elasticsearch.port';
import { foundDocs } from '../elasticsearch/found-docs';
import { SessionTokens } from './session-token';
import { sessionVerdict, touchIntervalMs } from './session-verdict';

export type SessionCheck =
  | { ok: true; user: SessionUser; sessionId: string }
  | { ok: false; reason: SessionEndReason };

export interface OpenedSession {
  token: string;
  expiresAt: string;
  sessionId: string;
}

/** Someone's sessions may have ended (revoked, user disabled or re-roled) in this process. */
export type SessionChangeListener = (change: { username: string }) => void;

/**
 * The one place that decides whether a token is a live session (R-SEC-3), used by the REST
 * guard of every service and by the Socket.IO handshake and re-checks. Sessions are an
 * allow-list in Elasticsearch, so a sign-out on one API instance holds on all of them at once.
 */
export class SessionValidator {
  private readonly idleMs: number;
  private readonly touching = new Set<string>();
  private readonly listeners = new Set<SessionChangeListener>();

  constructor(
    private readonly es: ElasticsearchClient,
    private readonly tokens: SessionTokens,
    idleMinutes: number,
    private readonly now: () => number = Date.now,
  ) {
    this.idleMs = idleMinutes * 60_000;
  }

  /** Records a new session and signs its token. */
  async open(user: SessionUser, clientAddress?: string): Promise<OpenedSession> {
    const sessionId = randomBytes(24).toString('base64url');
    const issuedAt = new Date(this.now());
    const { token, expiresAt } = await this.tokens.issue(user, sessionId, issuedAt);
    const document: SessionDocument = {
      sessionId,
      username: user.username,
      role: user.role,
      issuedAt: issuedAt.toISOString(),
      lastSeenAt: issuedAt.toISOString(),
      expiresAt,
      ...(clientAddress ? { clientAddress } : {}),
    };
    // Searchable before the token is handed out, so "sign out everywhere" finds it.
    await this.es.create({ index: SESSIONS_INDEX_NAME, id: sessionId, document, refresh: 'wait_for' });
    return { token, expiresAt, sessionId };
  }

  /**
   * Whether the token is a live session: good signature, session open and recently seen, user
   * enabled with the same role. Session and user come in one realtime round trip. `touch: false`
   * for background re-checks, which must not count as the user being active.
   */
  async validate(token: string | undefined, options: { touch?: boolean } = {}): Promise<SessionCheck> {
    const claims = await this.tokens.read(token);
    if (!claims) return { ok: false, reason: 'invalid-token' };
    const { docs } = await this.es.mget({
      docs: [
        { _index: SESSIONS_INDEX_NAME, _id: claims.sessionId },
        { _index: USERS_INDEX_NAME, _id: claims.user.username },
      ],
    });
    // A document that could not be read (a shard recovering) fails the check instead of reading as
    // "no such session", which would sign the user out.
    const [session, user] = docs.map((doc) => foundDocs([doc], 'session check')[0]?.source) as [
      SessionDocument | undefined,
      UserDocument | undefined,
    ];
    const now = this.now();
    const reason = sessionVerdict(claims, session, user, now, this.idleMs);
    if (reason || !session || !user) return { ok: false, reason: reason ?? 'unknown-session' };
    if (options.touch !== false && now - Date.parse(session.lastSeenAt) >= touchIntervalMs(this.idleMs)) {
      await this.touch(claims.sessionId, now);
    }
    return { ok: true, sessionId: claims.sessionId, user: { username: user.username, displayName: user.displayName, role: user.role } };
  }

  /** Ends one session; false if there was no open one. The first revocation is kept. */
  async revoke(sessionId: string, by: string): Promise<boolean> {
    // Partial-document updates only: the local search server carries no scripting module.
    for (;;) {
      const current = await this.es.get<SessionDocument>({ index: SESSIONS_INDEX_NAME, id: sessionId }, { ignore: [404] });
      if (!current.found || !current._source) return false;
      if (current._source.revokedAt) return false;
      try {
        await this.es.update({
          index: SESSIONS_INDEX_NAME,
          id: sessionId,
          doc: { revokedAt: new Date(this.now()).toISOString(), revokedBy: by },
          if_seq_no: current._seq_no,
          if_primary_term: current._primary_term,
          refresh: 'wait_for',
        });
        this.changed(current._source.username);
        return true;
      } catch (error) {
        // A touch landed meanwhile: read again.
        if (statusOf(error) !== 409) throw error;
      }
    }
  }

  /** Signs a user out everywhere; returns how many open sessions ended. */
  async revokeAllOf(username: string, by: string): Promise<number> {
    // Sessions are searchable before their token is handed out (open() waits for the refresh).
    const open = await this.es.search<SessionDocument>({
      index: SESSIONS_INDEX_NAME,
      size: 10_000,
      _source: false,
      query: { bool: { filter: [{ term: { username } }], must_not: [{ exists: { field: 'revokedAt' } }] } },
    });
    const at = new Date(this.now()).toISOString();
    const ids = open.hits.hits.map((hit) => hit._id).filter((id): id is string => typeof id === 'string');
    if (ids.length > 0) {
      const result = await this.es.bulk({
        refresh: 'wait_for',
        operations: ids.flatMap((id) => [{ update: { _index: SESSIONS_INDEX_NAME, _id: id, retry_on_conflict: 5 } }, { doc: { revokedAt: at, revokedBy: by } }]),
      });
      if (result.errors) throw new Error(`revoking sessions of ${username}: some updates failed`);
    }
    this.changed(username);
    return ids.length;
  }

  /** The user's sessions that are neither revoked nor past their end (idle ones included until they are seen). */
  async listOpen(username: string): Promise<SessionDocument[]> {
    const result = await this.es.search<SessionDocument>({
      index: SESSIONS_INDEX_NAME,
      size: 200,
      query: {
        bool: {
          filter: [{ term: { username } }, { range: { expiresAt: { gt: new Date(this.now()).toISOString() } } }],
          must_not: [{ exists: { field: 'revokedAt' } }],
        },
      },
      sort: [{ issuedAt: 'desc' }],
    });
    const idleSince = this.now() - this.idleMs;
    return result.hits.hits
      .map((hit) => hit._source)
      .filter((s): s is SessionDocument => s !== undefined && Date.parse(s.lastSeenAt) >= idleSince);
  }

  /** Tells this process's listeners (the live gateway) to re-check the user's sockets now. */
  changed(username: string): void {
    for (const listener of this.listeners) listener({ username });
  }

  onChange(listener: SessionChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // One write per session per interval, however many requests arrive meanwhile.
  private async touch(sessionId: string, now: number): Promise<void> {
    if (this.touching.has(sessionId)) return;
    this.touching.add(sessionId);
    try {
      await this.es.update({ index: SESSIONS_INDEX_NAME, id: sessionId, doc: { lastSeenAt: new Date(now).toISOString() } });
    } catch (error) {
      // A concurrent touch or revocation won; either way the session was seen.
      if (statusOf(error) !== 409 && statusOf(error) !== 404) throw error;
    } finally {
      this.touching.delete(sessionId);
    }
  }
}

function statusOf(error: unknown): number | undefined {
  return (error as { meta?: { statusCode?: number } }).meta?.statusCode;
}
