import type { Case } from '@liaowang/contract';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbortError } from '../../api/api-error';
import { useSignedIn } from '../../app/auth-context';
import { useLiveEvent } from '../../app/live-connection';
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

/** One case: loaded over REST, kept current by `cases:updated`, written with its version. */
export function useCase(id: string): CaseHandle {
  const { t } = useTranslation();
  const { api } = useSignedIn();
  const client = useMemo(() => casesApi(api), [api]);
  const [item, setItem] = useState<Case | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [stale, setStale] = useState<CaseHandle['stale']>();
  const [generation, setGeneration] = useState(0);
  const dirty = useRef(new Set<string>());
  // Our own write is pushed back to us, often before its answer: not a sign of a stale copy.
  const pending = useRef(0);
  const itemRef = useRef(item);
  itemRef.current = item;

  useEffect(() => {
    const controller = new AbortController();
    setLoadError(undefined);
    client.get(id, controller.signal).then(
      (loaded) => {
        setItem(loaded);
        setStale(undefined);
      },
      (caught: unknown) => {
        if (!isAbortError(caught)) setLoadError(describeCaseError(caught, t));
      },
    );
    return () => controller.abort();
  }, [client, id, generation, t]);

  useLiveEvent('cases:updated', (pushed) => {
    const mine = itemRef.current;
    if (pushed.id !== id) return;
    const verdict = judgePushedCase(mine?.version, pushed.version, dirty.current.size, pending.current);
    if (verdict === 'stale' && mine) setStale({ mine: mine.version, latest: pushed.version });
    if (verdict === 'apply') setItem(pushed);
  });

  const act = useCallback(
    async (work: CaseWork) => {
      const current = itemRef.current;
      if (!current) return false;
      setError(undefined);
      pending.current += 1;
      try {
        const next = await work(client, current);
        setItem((prev) => (prev && prev.version > next.version ? prev : next));
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
    [client, t],
  );

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const markDirty = useCallback((key: string, on: boolean) => {
    if (on) dirty.current.add(key);
    else dirty.current.delete(key);
  }, []);

  return { item, loadError, error, stale, reload, act, markDirty };
}
