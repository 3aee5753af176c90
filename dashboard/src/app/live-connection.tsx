import type { ServerToClientEvents } from '@liaowang/contract';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { createLiveSocket, UNAUTHORIZED_MESSAGE, type LiveSocket } from '../api/live-socket';
import { useSignedIn } from './auth-context';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

interface LiveConnection {
  socket: LiveSocket;
  status: ConnectionStatus;
}

// After a refusal that is not about the token, socket.io stops retrying on its own.
const MANUAL_RETRY_MS = 10_000;

const LiveConnectionContext = createContext<LiveConnection | null>(null);

/**
 * One authenticated connection to the live namespace per session, shared by every feature
 * (items, alerts). The shell is keyed by the token, so a new sign-in builds a new socket.
 */
export function LiveConnectionProvider({ children }: { children: ReactNode }) {
  const { session, expire, end } = useSignedIn();
  const [socket] = useState(() => createLiveSocket(session.token));
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const expireRef = useRef(expire);
  expireRef.current = expire;
  const endRef = useRef(end);
  endRef.current = end;
  const queryClient = useQueryClient();

  // Children subscribe in their own effects, which run before this one: every listener is in
  // place before the first `connect`.
  useEffect(() => {
    let retryTimer = 0;
    let connectedBefore = false;
    const onConnect = () => {
      setStatus('connected');
      if (connectedBefore) catchUpAfterReconnect(queryClient);
      connectedBefore = true;
    };
    const onConnectError = (error: Error) => {
      if (error.message === UNAUTHORIZED_MESSAGE) return expireRef.current();
      if (socket.active) {
        setStatus('reconnecting');
      } else {
        setStatus('offline');
        retryTimer = window.setTimeout(() => socket.connect(), MANUAL_RETRY_MS);
      }
    };
    const onDisconnect = (reason: string) => {
      if (reason === 'io client disconnect') return;
      setStatus('reconnecting');
      // The server hung up on purpose (often an expired token): socket.io will not retry,
      // so try once; a refused handshake then ends the session via connect_error.
      if (reason === 'io server disconnect') socket.connect();
    };
    // R-SEC-3: signed out elsewhere, revoked, idle, disabled or re-roled; the server closes next.
    const onSessionEnded = ({ reason }: { reason: Parameters<typeof end>[0] }) => endRef.current(reason);
    socket.on('session:ended', onSessionEnded);
    socket.on('connect', onConnect);
    socket.on('connect_error', onConnectError);
    socket.on('disconnect', onDisconnect);
    socket.connect();
    return () => {
      window.clearTimeout(retryTimer);
      socket.off('session:ended', onSessionEnded);
      socket.off('connect', onConnect);
      socket.off('connect_error', onConnectError);
      socket.off('disconnect', onDisconnect);
      socket.disconnect();
    };
  }, [socket, queryClient]);

  return <LiveConnectionContext.Provider value={{ socket, status }}>{children}</LiveConnectionContext.Provider>;
}

/**
 * Pushes sent while the socket was down are lost to the pages (alerts replay on their own, by
 * cursor): every cached answer may be behind. All are marked stale, and those on screen refetch
 * as on a network reconnect, so a query that opted out (a case under a form in use) is left alone.
 */
function catchUpAfterReconnect(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ refetchType: 'none' });
  queryClient.getQueryCache().onOnline();
}

export function useLiveConnection(): LiveConnection {
  const value = useContext(LiveConnectionContext);
  if (!value) throw new Error('useLiveConnection outside LiveConnectionProvider');
  return value;
}

/** Runs `handler` for a server event (and on every `connect` if `onConnect` is given) while mounted. */
export function useLiveEvent<E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E], onConnect?: () => void): void {
  const { socket } = useLiveConnection();
  const handlerRef = useRef(handler);
  handlerRef.current = handler;
  const connectRef = useRef(onConnect);
  connectRef.current = onConnect;
  useEffect(() => {
    const listener = ((...args: unknown[]) => (handlerRef.current as (...a: unknown[]) => void)(...args)) as never;
    const connected = () => connectRef.current?.();
    socket.on(event, listener);
    socket.on('connect', connected);
    if (socket.connected) connected();
    return () => {
      socket.off(event, listener);
      socket.off('connect', connected);
    };
  }, [socket, event]);
}
