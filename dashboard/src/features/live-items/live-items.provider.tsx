import type { ItemSummary } from '@liaowang/contract';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { isAbortError } from '../../api/api-error';
import { useSignedIn } from '../../app/auth-context';
import { findFreshIds, mergeItems } from './merge-items';
import { useLiveConnection, type ConnectionStatus } from '../../app/live-connection';
import { useLiveItemsFeed } from './use-live-socket';

export interface LiveItems {
  /** Newest first, at most LIVE_LIST_CAP. */
  items: ItemSummary[];
  status: ConnectionStatus;
  /** New items received since this sign-in (pushed live or recovered after a reconnect). */
  receivedCount: number;
  /** Ids to highlight briefly because they just arrived. */
  freshIds: ReadonlySet<string>;
  /** The first REST load failed (the socket may still fill the list). */
  loadError: unknown;
}

interface Store {
  items: ItemSummary[];
  receivedCount: number;
  fresh: Map<string, number>;
}

// Pushes are batched: at ingestion peaks hundreds of items a second must not mean
// hundreds of React renders a second.
const FLUSH_MS = 250;
const FRESH_MS = 4000;

const LiveItemsContext = createContext<LiveItems | null>(null);

/** One live connection and item list per signed-in session, shared by every page. */
export function LiveItemsProvider({ children }: { children: ReactNode }) {
  const { api } = useSignedIn();
  const { status } = useLiveConnection();
  const [store, setStore] = useState<Store>({ items: [], receivedCount: 0, fresh: new Map() });
  const [loadError, setLoadError] = useState<unknown>(null);
  const pending = useRef<{ items: ItemSummary[]; liveIds: Set<string> }>({ items: [], liveIds: new Set() });
  const flushTimer = useRef(0);

  const flush = useCallback(() => {
    flushTimer.current = 0;
    const batch = pending.current;
    pending.current = { items: [], liveIds: new Set() };
    const now = Date.now();
    setStore((prev) => {
      const items = mergeItems(prev.items, batch.items);
      const listed = new Set(prev.items.map((item) => item.id));
      const freshIds = findFreshIds(prev.items, items);
      // Received = pushed live, or caught up after a reconnect (newer than what we had).
      // A re-delivered item (at-least-once) that is still listed is not counted twice.
      const received = new Set([...batch.liveIds].filter((id) => !listed.has(id)));
      for (const id of freshIds) received.add(id);
      const fresh = new Map(prev.fresh);
      for (const id of freshIds) fresh.set(id, now + FRESH_MS);
      return { items, receivedCount: prev.receivedCount + received.size, fresh };
    });
  }, []);

  const enqueue = useCallback(
    (items: ItemSummary[], live: boolean) => {
      pending.current.items.push(...items);
      if (live) for (const item of items) pending.current.liveIds.add(item.id);
      if (!flushTimer.current) flushTimer.current = window.setTimeout(flush, FLUSH_MS);
    },
    [flush],
  );

  useLiveItemsFeed({
    onRecent: (items) => enqueue(items, false),
    onIndexed: (items) => enqueue(items, true),
  });

  // Seed from REST too: it shows items even where a proxy blocks WebSockets, and a 401
  // here sends a stale session back to sign-in at once.
  useEffect(() => {
    const controller = new AbortController();
    api.searchItems('', controller.signal).then(
      (result) => enqueue(result.items, false),
      (error: unknown) => {
        if (!isAbortError(error)) setLoadError(error);
      },
    );
    return () => controller.abort();
  }, [api, enqueue]);

  // Drop highlights once their time is up.
  useEffect(() => {
    if (store.fresh.size === 0) return;
    const timer = window.setInterval(() => {
      const now = Date.now();
      setStore((prev) => {
        const fresh = new Map([...prev.fresh].filter(([, until]) => until > now));
        return fresh.size === prev.fresh.size ? prev : { ...prev, fresh };
      });
    }, 500);
    return () => window.clearInterval(timer);
  }, [store.fresh.size]);

  useEffect(() => () => window.clearTimeout(flushTimer.current), []);

  const freshIds = useMemo(() => new Set(store.fresh.keys()), [store.fresh]);
  const value = useMemo(
    () => ({ items: store.items, status, receivedCount: store.receivedCount, freshIds, loadError }),
    [store.items, status, store.receivedCount, freshIds, loadError],
  );
  return <LiveItemsContext.Provider value={value}>{children}</LiveItemsContext.Provider>;
}

export function useLiveItems(): LiveItems {
  const value = useContext(LiveItemsContext);
  if (!value) throw new Error('useLiveItems outside LiveItemsProvider');
  return value;
}
