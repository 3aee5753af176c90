import type { Case } from '@liaowang/contract';
import { useQueryClient } from '@tanstack/react-query';
import { useLiveEvent } from '../../app/live-connection';
import { mergeCase } from './case-board';

/** Query keys of the cases: the board's list (every case, live over `cases:updated`) and single cases. */
export const caseKeys = {
  all: ['cases'] as const,
  list: ['cases', 'list'] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  /** The case an alert is linked to, with its agreed line (统一口径). */
  ofAlert: (alertId: string) => ['cases', 'of-alert', alertId] as const,
};

/**
 * A pushed case goes into the cached board list at once, whichever page is open, so going back
 * to the board shows it without a reload. A case page seen before gets the newer version too,
 * unless it is open: then the page judges the push (useCase), as a form may hold input. Nothing
 * is cached for a role that never opened the board or the case.
 */
export function useCaseCacheSync(): void {
  const queryClient = useQueryClient();
  useLiveEvent('cases:updated', (item) => {
    queryClient.setQueryData<Case[]>(caseKeys.list, (prev) => (prev ? mergeCase(prev, item) : prev));
    const detail = queryClient.getQueryCache().find<Case>({ queryKey: caseKeys.detail(item.id), exact: true });
    if (detail && detail.getObserversCount() === 0) {
      queryClient.setQueryData<Case>(caseKeys.detail(item.id), (prev) => (prev && prev.version >= item.version ? prev : item));
    }
  });
}
