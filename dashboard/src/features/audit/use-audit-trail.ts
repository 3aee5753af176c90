import type { AuditChainVerdict, AuditRecord } from '@liaowang/contract';
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../../api/api-client';
import { isAbortError } from '../../api/api-error';
import { auditQueryParams, type AuditFilters } from './audit-filters';

export interface AuditTrailView {
  records: AuditRecord[];
  /** Seq to pass as `before` for older records; undefined on the last page. */
  nextBefore: number | undefined;
  pending: boolean;
  error: unknown;
  loadOlder(): void;
}

/** The trail for the applied filters, newest first; "older" appends the next page. */
export function useAuditTrail(api: ApiClient, filters: AuditFilters, runs: number): AuditTrailView {
  const [records, setRecords] = useState<AuditRecord[]>([]);
  const [nextBefore, setNextBefore] = useState<number | undefined>(undefined);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    (before: number | undefined, signal?: AbortSignal) => {
      setPending(true);
      setError(null);
      api.listAudit(auditQueryParams(filters, before), signal).then(
        (page) => {
          setRecords((shown) => (before === undefined ? page.records : [...shown, ...page.records]));
          setNextBefore(page.nextBefore);
          setPending(false);
        },
        (failure: unknown) => {
          if (isAbortError(failure)) return;
          setError(failure);
          setPending(false);
        },
      );
    },
    [api, filters],
  );

  useEffect(() => {
    const controller = new AbortController();
    load(undefined, controller.signal);
    return () => controller.abort();
  }, [load, runs]);

  return { records, nextBefore, pending, error, loadOlder: () => nextBefore !== undefined && load(nextBefore) };
}

export interface AuditVerification {
  verdict: AuditChainVerdict | null;
  pending: boolean;
  error: unknown;
  run(): void;
}

/** The chain's verification, run on opening the page and again on request. */
export function useAuditVerification(api: ApiClient): AuditVerification {
  const [verdict, setVerdict] = useState<AuditChainVerdict | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [runs, setRuns] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setPending(true);
    setError(null);
    api.verifyAudit(controller.signal).then(
      (result) => {
        setVerdict(result);
        setPending(false);
      },
      (failure: unknown) => {
        if (isAbortError(failure)) return;
        setError(failure);
        setPending(false);
      },
    );
    return () => controller.abort();
  }, [api, runs]);

  return { verdict, pending, error, run: () => setRuns((n) => n + 1) };
}
