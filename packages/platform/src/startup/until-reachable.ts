import { isTransientElasticsearchError } from '../elasticsearch/elasticsearch.port';
import { isKafkaUnavailable } from '../kafka/kafka-errors';
import { backoffDelay, sleep } from '../kafka/backoff';
import type { Logger } from '../logging/logger';

/** A failure that says the server is down, starting or busy (here or in any error it wraps), not that the request is wrong. */
export function isServerUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (isTransientElasticsearchError(e) || isKafkaUnavailable(e)) return true;
  }
  return false;
}

/**
 * Runs a start-up step until the server it needs answers (R-REL-1): while the failure says the
 * server is unavailable, it is logged and retried with back-off (up to 15 s apart), however long
 * that takes; any other failure (a mapping that cannot change, a bad setting) is thrown at once,
 * since waiting would not mend it.
 */
export async function untilReachable<T>(
  what: string,
  step: () => Promise<T>,
  logger: Logger,
  options: { isUnavailable?: (error: unknown) => boolean; delayMs?: (attempt: number) => number } = {},
): Promise<T> {
  const isUnavailable = options.isUnavailable ?? isServerUnavailable;
  const delayOf = options.delayMs ?? ((attempt: number) => backoffDelay(attempt, 500, 15_000));
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await step();
      if (attempt > 0) logger.info({ server: what, attempts: attempt + 1 }, `${what} reachable; starting`);
      return result;
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      const delay = delayOf(attempt);
      logger.warn({ server: what, attempt: attempt + 1, retryInMs: delay, reason: (error as Error).message }, `${what} not reachable at start; waiting`);
      await sleep(delay);
    }
  }
}
