import { AddressRefusedError, checkedAddresses, type AddressResolver } from '@liaowang/platform';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { Agent, fetch as undiciFetch } from 'undici';
import { decodeFeed } from './feed-encoding';

/** Limits of one fetch of a feed: a slow or huge feed must not hold a poller. */
export interface FeedFetchLimits {
  timeoutMs: number;
  maxBytes: number;
}
export const FEED_FETCH_LIMITS: FeedFetchLimits = { timeoutMs: 10_000, maxBytes: 5 * 1024 * 1024 };

/** What the feed's server said last time, for a conditional GET. */
export interface FeedValidators {
  etag?: string;
  lastModified?: string;
}

export type FeedFetchResult = { notModified: true } | { notModified: false; body: string; validators: FeedValidators };

/**
 * Which addresses a feed may be fetched from (SSRF guard): unless private addresses are allowed,
 * every address of every host on the way, redirects included, must be public. `resolve` and
 * `fetch` are for tests; the system resolver and undici's fetch otherwise.
 */
export interface FeedFetchGuard {
  allowPrivateAddresses: boolean;
  resolve?: AddressResolver;
  fetch?: FeedHttpFetch;
}
export type FeedHttpFetch = (url: string, init: { headers: Record<string, string>; signal: AbortSignal; redirect: 'manual'; dispatcher?: Agent }) => Promise<Response>;

// Redirects followed per fetch, as browsers cap them.
export const MAX_FEED_REDIRECTS = 5;

/**
 * Fetches a feed with If-None-Match / If-Modified-Since, within the time and size limits, and
 * decodes it by its charset; throws with a reason. With the guard on, each hop's host is
 * resolved and every address checked before the request, and the connection itself is made
 * only to checked addresses (a name that resolves differently the second time is refused too).
 */
export async function fetchFeed(
  url: string,
  validators: FeedValidators,
  limits: FeedFetchLimits = FEED_FETCH_LIMITS,
  guard: FeedFetchGuard = { allowPrivateAddresses: false },
): Promise<FeedFetchResult> {
  const headers: Record<string, string> = { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5', 'user-agent': 'Liaowang feed poller' };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new Error(`no complete answer within ${limits.timeoutMs} ms`)), limits.timeoutMs);
  const send = guard.fetch ?? (undiciFetch as unknown as FeedHttpFetch);
  const dispatcher = guard.allowPrivateAddresses ? undefined : guardedAgent(guard.resolve);
  try {
    let target = url;
    let response: Response;
    for (let redirects = 0; ; redirects++) {
      if (!guard.allowPrivateAddresses) await refuseNonPublic(target, redirects > 0 ? `redirect to ${target} refused` : 'feed refused', guard.resolve);
      response = await send(target, { headers, signal: abort.signal, redirect: 'manual', dispatcher });
      const location = REDIRECTS.has(response.status) ? response.headers.get('location') : null;
      if (!location) break;
      await response.body?.cancel();
      if (redirects >= MAX_FEED_REDIRECTS) throw new Error(`more than ${MAX_FEED_REDIRECTS} redirects`);
      target = new URL(location, target).href;
      if (!/^https?:$/.test(new URL(target).protocol)) throw new Error(`redirect to ${target} refused: only http and https`);
    }
    if (response.status === 304) {
      await response.body?.cancel();
      return { notModified: true };
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`HTTP ${response.status} from the feed`);
    }
    const declared = Number(response.headers.get('content-length'));
    if (declared > limits.maxBytes) {
      await response.body?.cancel();
      throw new Error(`feed larger than ${limits.maxBytes} bytes (${declared})`);
    }
    const body = decodeFeed(await readLimited(response, limits.maxBytes), response.headers.get('content-type'));
    return {
      notModified: false,
      body,
      validators: { etag: response.headers.get('etag') ?? undefined, lastModified: response.headers.get('last-modified') ?? undefined },
    };
  } catch (error) {
    if (abort.signal.aborted) throw new Error(`feed fetch timed out: ${(abort.signal.reason as Error).message}`);
    // A refusal at connect time (the guarded lookup) arrives as fetch's "fetch failed" with it as cause.
    const cause = (error as { cause?: unknown } | null)?.cause;
    if (cause instanceof AddressRefusedError) throw new Error(`feed refused: ${cause.message}`);
    throw error;
  } finally {
    clearTimeout(timer);
    void dispatcher?.close();
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

async function refuseNonPublic(url: string, what: string, resolve: AddressResolver | undefined): Promise<void> {
  try {
    await checkedAddresses(new URL(url).hostname, resolve);
  } catch (error) {
    if (error instanceof AddressRefusedError) throw new Error(`${what}: ${error.message}`);
    throw error;
  }
}

export type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for sockets that resolves, checks every address and hands back only checked ones. */
export function guardedLookup(resolve: AddressResolver | undefined) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    checkedAddresses(hostname, resolve).then(
      (addresses) => {
        const all = addresses.map((address) => ({ address, family: isIP(address) }));
        const wanted = options.family === 4 || options.family === 6 ? all.filter((entry) => entry.family === options.family) : all;
        if (wanted.length === 0) return callback(Object.assign(new Error(`${hostname} has no IPv${options.family} address`), { code: 'ENOTFOUND' }), []);
        if (options.all) callback(null, wanted);
        else callback(null, wanted[0].address, wanted[0].family);
      },
      (error: Error) => callback(error, []),
    );
  };
}

/** An agent whose connections go only to addresses just resolved and checked: no window for DNS rebinding. */
function guardedAgent(resolve: AddressResolver | undefined): Agent {
  return new Agent({ connect: { lookup: guardedLookup(resolve) } });
}

// Reads the body chunk by chunk and stops at the limit, whatever Content-Length said.
async function readLimited(response: Response, maxBytes: number): Promise<Buffer> {
  const reader = response.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new Error(`feed larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
