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

/** Fetches a feed with If-None-Match / If-Modified-Since, within the time and size limits; throws with a reason. */
export async function fetchFeed(url: string, validators: FeedValidators, limits: FeedFetchLimits = FEED_FETCH_LIMITS): Promise<FeedFetchResult> {
  const headers: Record<string, string> = { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5', 'user-agent': 'Liaowang feed poller' };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new Error(`no complete answer within ${limits.timeoutMs} ms`)), limits.timeoutMs);
  try {
    const response = await fetch(url, { headers, signal: abort.signal, redirect: 'follow' });
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
    const body = await readLimited(response, limits.maxBytes);
    return {
      notModified: false,
      body,
      validators: { etag: response.headers.get('etag') ?? undefined, lastModified: response.headers.get('last-modified') ?? undefined },
    };
  } catch (error) {
    if (abort.signal.aborted) throw new Error(`feed fetch timed out: ${(abort.signal.reason as Error).message}`);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

// Reads the body chunk by chunk and stops at the limit, whatever Content-Length said.
async function readLimited(response: Response, maxBytes: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
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
  return Buffer.concat(chunks).toString('utf8');
}
