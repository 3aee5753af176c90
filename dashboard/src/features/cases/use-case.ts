import type { Case } from '@liaowang/contract';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../app/auth-context';
import { useLiveEvent } from '../../app/live-connection';
import { mergeCase } from './case-board';
import { caseKeys } from './case-queries';
import { casesApi, type CasesApi } from './cases-api';
import { describeCaseError, isStaleError } from './describe-case-error';
import { judgePushedCase } from './pushed-case';

export type CaseWork = (api: CasesApi, item: Case) => Promise<Case>;

export interface CaseHandle {
  item: Case | undefined;
  loadError: string | undefined;
  /** The last failed action, as one line. */
  error: string | undefined;
  /** Set when our copy is behind: a 409, or a newer version pushed while a form holds input. */
  stale: { mine: number; latest?: number } | undefined;
  reload(): void;
  /** Runs a write on the version we hold; true when it went through. */
  act(work: CaseWork): Promise<boolean>;
  /** Forms say when they hold unsaved input, so a pushed change does not silently replace the case under them. */
  markDirty(key: string, dirty: boolean): void;
}

/**
 * One case: loaded over REST into the query cache (`caseKeys.detail`), kept current by
 * `cases:updated`, written with its version. While the page is open only it decides what a push
 * does (a form may hold input); useCaseCacheSync keeps the cached copy of a closed page current.
 */
export function useCase(id: string): CaseHandle {
  const { t } = useTranslation();
  const { api } = useSignedIn();
  const client = useMemo(() => casesApi(api), [api]);
  const queryClient = useQueryClient();
  // Refetched only on opening the page (when stale) and on reload, never under a form in use.
  const query = useQuery({ queryKey: caseKeys.detail(id), queryFn: ({ signal }) => client.get(id, signal), refetchOnReconnect: false });
  const item = query.data;
  const loadError = query.error ? describeCaseError(query.error, t) : undefined;
  const [error, setError] = useState<string | undefined>();
  const [stale, setStale] = useState<CaseHandle['stale']>();
  const dirty = useRef(new Set<string>());
  // Our own write is pushed back to us, often before its answer: not a sign of a stale copy.
  const pending = useRef(0);
  const itemRef = useRef(item);
  itemRef.current = item;

  const store = useCallback(
    (next: Case) => {
      queryClient.setQueryData<Case>(caseKeys.detail(id), (prev) => (prev && prev.version > next.version ? prev : next));
      queryClient.setQueryData<Case[]>(caseKeys.list, (prev) => (prev ? mergeCase(prev, next) : prev));
    },
    [queryClient, id],
  );

  useLiveEvent('cases:updated', (pushed) => {
    const mine = itemRef.current;
    if (pushed.id !== id) return;
    const verdict = judgePushedCase(mine?.version, pushed.version, dirty.current.size, pending.current);
    if (verdict === 'stale' && mine) setStale({ mine: mine.version, latest: pushed.version });
    if (verdict === 'apply') store(pushed);
  });

  const act = useCallback(
    async (work: CaseWork) => {
      const current = itemRef.current;
      if (!current) return false;
      setError(undefined);
      pending.current += 1;
      try {
        const next = await work(client, current);
        store(next);
        setStale((prev) => (prev?.latest !== undefined && prev.latest <= next.version ? undefined : prev));
        return true;
      } catch (caught) {
        if (isStaleError(caught)) setStale({ mine: current.version });
        else setError(describeCaseError(caught, t));
        return false;
      } finally {
        pending.current -= 1;
      }
    },
    [client, t, store],
  );

  const refetch = query.refetch;
  const reload = useCallback(() => {
    void refetch().then((answer) => {
      if (answer.isSuccess) setStale(undefined);
    });
  }, [refetch]);
  const markDirty = useCallback((key: string, on: boolean) => {
    if (on) dirty.current.add(key);
    else dirty.current.delete(key);
  }, []);

  return { item, loadError, error, stale, reload, act, markDirty };
}
