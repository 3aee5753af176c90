import type { ServerToClientEvents } from '@liaowang/contract';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useLiveConnection } from './live-connection';

export type LiveEventName = Exclude<keyof ServerToClientEvents, 'session:ended'>;

/**
 * While mounted, any of `events` makes the queries under `keys` stale: the ones on screen refetch,
 * the others on their next use. A burst (a few alerts a second at a peak) refetches once per `delayMs`.
 */
export function useLiveInvalidate(events: readonly LiveEventName[], keys: readonly QueryKey[], delayMs = 2_000): void {
  const { socket } = useLiveConnection();
  const queryClient = useQueryClient();
  const keysRef = useRef(keys);
  keysRef.current = keys;
  const names = events.join(' ');
  useEffect(() => {
    let timer = 0;
    const flush = () => {
      timer = 0;
      for (const queryKey of keysRef.current) void queryClient.invalidateQueries({ queryKey });
    };
    const listener = () => {
      if (!timer) timer = window.setTimeout(flush, delayMs);
    };
    const list = names.split(' ') as LiveEventName[];
    for (const name of list) socket.on(name, listener);
    return () => {
      window.clearTimeout(timer);
      for (const name of list) socket.off(name, listener);
    };
  }, [socket, queryClient, names, delayMs]);
}
