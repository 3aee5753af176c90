import { Inject, Injectable } from '@nestjs/common';
import { LOGIN_ATTEMPTS_INDEX_NAME, type LoginAttempt, type LoginAttemptsDocument } from '@liaowang/contract';
import { ELASTICSEARCH, ProblemException, type ElasticsearchClient } from '@liaowang/platform';
import { randomUUID } from 'node:crypto';
import { releaseSlot, reserveSlot, retryMessage, type LoginLimit } from './login-window';

const WINDOW_MS = 15 * 60 * 1000;
// Per account at one address, and per account across all addresses: one address cannot lock an
// account out for everyone, and many addresses together still cannot brute-force it.
export const PAIR_LIMIT: LoginLimit = { max: 5, windowMs: WINDOW_MS };
export const ACCOUNT_LIMIT: LoginLimit = { max: 20, windowMs: WINDOW_MS };
// Each lost race means another attempt was counted, so a crowd settles within a few rounds.
const MAX_ROUNDS = 60;

/** Slots an attempt holds until its outcome is known. */
export interface LoginReservation {
  id: string;
  keys: string[];
}

/**
 * The sign-in throttle of every API instance at once (R-SEC-5): counters live in Elasticsearch,
 * one document per key, updated with optimistic concurrency (if_seq_no / if_primary_term).
 */
@Injectable()
export class LoginThrottle {
  constructor(@Inject(ELASTICSEARCH) private readonly es: ElasticsearchClient) {}

  /** Takes this attempt's slots before the password is checked; 429 when a window is full. */
  async reserve(username: string, clientAddress: string): Promise<LoginReservation> {
    const id = randomUUID();
    const pair = `pair:${username}@${clientAddress}`;
    const account = `account:${username}`;
    await this.take(pair, PAIR_LIMIT, id);
    try {
      await this.take(account, ACCOUNT_LIMIT, id);
    } catch (error) {
      await this.update(pair, (attempts) => releaseSlot(attempts, id));
      throw error;
    }
    return { id, keys: [pair, account] };
  }

  /** A correct password: the address starts afresh, and the account gets this slot back. */
  async succeed(reservation: LoginReservation): Promise<void> {
    const [pair, account] = reservation.keys;
    await this.update(pair, () => []);
    await this.update(account, (attempts) => releaseSlot(attempts, reservation.id));
  }

  private async take(key: string, limit: LoginLimit, id: string): Promise<void> {
    let refusal: number | undefined;
    await this.update(key, (attempts) => {
      const verdict = reserveSlot(attempts, Date.now(), limit, id);
      if (verdict.allowed) return verdict.attempts;
      refusal = verdict.retryAfterMs;
      return undefined;
    });
    if (refusal !== undefined) throw tooManyAttempts(refusal);
  }

  /** Read-modify-write of one key with optimistic concurrency; `change` returning undefined writes nothing. */
  private async update(key: string, change: (attempts: LoginAttempt[]) => LoginAttempt[] | undefined): Promise<void> {
    for (let round = 1; ; round++) {
      const current = await this.es.get<LoginAttemptsDocument>({ index: LOGIN_ATTEMPTS_INDEX_NAME, id: key }, { ignore: [404] });
      const next = change(current.found ? (current._source?.attempts ?? []) : []);
      if (next === undefined) return;
      const document: LoginAttemptsDocument = { key, attempts: next, updatedAt: new Date().toISOString() };
      try {
        if (current.found) {
          await this.es.index({
            index: LOGIN_ATTEMPTS_INDEX_NAME,
            id: key,
            document,
            if_seq_no: current._seq_no,
            if_primary_term: current._primary_term,
          });
        } else {
          await this.es.create({ index: LOGIN_ATTEMPTS_INDEX_NAME, id: key, document });
        }
        return;
      } catch (error) {
        if ((error as { meta?: { statusCode?: number } }).meta?.statusCode !== 409) throw error;
        if (round >= MAX_ROUNDS) throw tooManyAttempts(1000);
        await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 20));
      }
    }
  }
}

function tooManyAttempts(retryAfterMs: number): ProblemException {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new ProblemException(
    {
      type: 'urn:liaowang:problem:rate-limited',
      title: 'Too many attempts',
      status: 429,
      detail: retryMessage(retryAfterMs, Date.now()),
    },
    { 'Retry-After': String(seconds) },
  );
}
