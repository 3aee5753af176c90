import type { AuditChainVerdict, AuditRecord } from '@liaowang/contract';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ApiClient } from '../../api/api-client';
import { auditQueryParams, type AuditFilters } from './audit-filters';

/** Query keys of the audit page: the trail per filters (pages of older records), and the chain's verdict. */
export const auditKeys = {
  all: ['audit'] as const,
  trails: ['audit', 'trail'] as const,
  trail: (filters: AuditFilters) => ['audit', 'trail', filters] as const,
  verification: ['audit', 'verification'] as const,
};

export interface AuditTrailView {
  records: AuditRecord[];
  /** Seq to pass as `before` for older records; undefined on the last page. */
  nextBefore: number | undefined;
  pending: boolean;
  error: unknown;
  loadOlder(): void;
}

/**
 * The trail for the applied filters, newest first; "older" appends the next page. Every change
 * anywhere writes a record, so the trail is never fresh for long: opening the page refetches it.
 */
export function useAuditTrail(api: ApiClient, filters: AuditFilters): AuditTrailView {
  const trail = useInfiniteQuery({
    queryKey: auditKeys.trail(filters),
    queryFn: ({ pageParam, signal }) => api.listAudit(auditQueryParams(filters, pageParam), signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => page.nextBefore,
    staleTime: 0,
  });
  const records = useMemo(() => trail.data?.pages.flatMap((page) => page.records) ?? [], [trail.data]);
  const nextBefore = trail.data?.pages.at(-1)?.nextBefore;
  return {
    records,
    nextBefore,
    pending: trail.isFetching,
    error: trail.error,
    loadOlder: () => {
      if (nextBefore !== undefined) void trail.fetchNextPage();
    },
  };
}

export interface AuditVerification {
  verdict: AuditChainVerdict | null;
  pending: boolean;
  error: unknown;
  run(): void;
}

/** The chain's verification, run on opening the page and again on request. */
export function useAuditVerification(api: ApiClient): AuditVerification {
  const verification = useQuery({ queryKey: auditKeys.verification, queryFn: ({ signal }) => api.verifyAudit(signal), staleTime: 0 });
  return {
    verdict: verification.data ?? null,
    pending: verification.isFetching,
    error: verification.error,
    run: () => void verification.refetch(),
  };
}
