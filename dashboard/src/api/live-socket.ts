import { LIVE_NAMESPACE, type ClientToServerEvents, type ServerToClientEvents } from '@liaowang/contract';
import { io, type Socket } from 'socket.io-client';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The `connect_error` message the server uses when it rejects the handshake token (R-SEC-5). */
export const UNAUTHORIZED_MESSAGE = 'unauthorized';

/**
 * Socket for the live namespace on the same origin. Created unconnected so the caller
 * can attach every listener before the first `connect` fires.
 */
export function createLiveSocket(token: string): LiveSocket {
  return io(LIVE_NAMESPACE, {
    path: '/socket.io',
    auth: { token },
    autoConnect: false,
    // Back off up to 10 s: a duty console must come back on its own after a network blip.
    reconnectionDelay: 1000,
    reconnectionDelayMax: 10_000,
  });
}
