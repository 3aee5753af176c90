import type { Case } from '@liaowang/contract';
import { useQueryClient } from '@tanstack/react-query';
import { useLiveEvent } from '../../app/live-connection';
import { mergeCase } from './case-board';

/** Query keys of the cases: the board's list (every case, live over `cases:updated`). */
export const caseKeys = {
  all: ['cases'] as const,
  list: ['cases', 'list'] as const,
};

/**
 * A pushed case goes into the cached board list at once, whichever page is open, so going back
 * to the board shows it without a reload. Nothing is cached for a role that never opened the board.
 */
export function useCaseCacheSync(): void {
  const queryClient = useQueryClient();
  useLiveEvent('cases:updated', (item) => {
    queryClient.setQueryData<Case[]>(caseKeys.list, (prev) => (prev ? mergeCase(prev, item) : prev));
  });
}
