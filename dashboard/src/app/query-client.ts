import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/api-error';

/**
 * One cache for the session's reads: pages that show the same list share it, and live events
 * (alerts:*, cases:updated) update or invalidate the queries they concern instead of each page
 * reloading on its own. A 4xx is an answer, not a hiccup: it is not retried.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      },
    },
  });
}
