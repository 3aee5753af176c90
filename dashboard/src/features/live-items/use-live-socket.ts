import type { ItemSummary } from '@liaowang/contract';
import { useEffect, useRef, useState } from 'react';
import { createLiveSocket, UNAUTHORIZED_MESSAGE } from '../../api/live-socket';
import { LIVE_LIST_CAP } from './merge-items';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface LiveSocketHandlers {
  /** Newest items fetched on every (re)connect: what was missed while offline (R-ALR-2, R-REL-4). */
  onRecent(items: ItemSummary[]): void;
  /** Newly indexed items pushed by the server (one indexer batch). */
  onIndexed(items: ItemSummary[]): void;
  /** The server refused the token: the session is over. */
  onUnauthorized(): void;
}

const RECENT_TIMEOUT_MS = 10_000;
// After a refusal that is not about the token, socket.io stops retrying on its own.
const MANUAL_RETRY_MS = 10_000;

/** Keeps one authenticated connection to the live namespace for as long as the token lives. */
export function useLiveSocket(token: string, handlers: LiveSocketHandlers): ConnectionStatus {
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  // Handlers change every render; the socket must not be rebuilt for that.
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;

  useEffect(() => {
    const socket = createLiveSocket(token);
    let retryTimer = 0;

    const fetchRecent = () => {
      socket.timeout(RECENT_TIMEOUT_MS).emit('items:recent', LIVE_LIST_CAP, (error, items) => {
        // A lost ack is not fatal: the next reconnect asks again, live pushes keep flowing.
        if (!error && Array.isArray(items)) handlersRef.current.onRecent(items);
      });
    };

    socket.on('connect', () => {
      setStatus('connected');
      fetchRecent();
    });
    socket.on('items:indexed', (items) => {
      if (Array.isArray(items)) handlersRef.current.onIndexed(items);
    });
    socket.on('connect_error', (error) => {
      if (error.message === UNAUTHORIZED_MESSAGE) {
        handlersRef.current.onUnauthorized();
        return;
      }
      if (socket.active) {
        setStatus('reconnecting');
      } else {
        setStatus('offline');
        retryTimer = window.setTimeout(() => socket.connect(), MANUAL_RETRY_MS);
      }
    });
    socket.on('disconnect', (reason) => {
      if (reason === 'io client disconnect') return;
      setStatus('reconnecting');
      // The server hung up on purpose (often an expired token): socket.io will not retry,
      // so try once; a refused handshake then ends the session via connect_error.
      if (reason === 'io server disconnect') socket.connect();
    });

    socket.connect();
    return () => {
      window.clearTimeout(retryTimer);
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [token]);

  return status;
}
