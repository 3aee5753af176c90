import { LIVE_NAMESPACE, type ClientToServerEvents, type ServerToClientEvents } from '@liaowang/contract';
import { io, type Socket } from 'socket.io-client';
import { startTestSystem, type TestSystem } from './support/test-system';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

// R-SEC-3 on the real stack: sessions are an allow-list in Elasticsearch, so a sign-out holds
// on REST and on a new socket at once.
describe('sessions on the real stack', () => {
  let system: TestSystem;
  const sockets: LiveSocket[] = [];

  beforeAll(async () => {
    system = await startTestSystem({ stream: false });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await system?.stop();
  });

  const open = (base: string, token: string): LiveSocket => {
    const socket: LiveSocket = io(`${base}${LIVE_NAMESPACE}`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    return socket;
  };
  const handshake = (socket: LiveSocket) =>
    new Promise<string>((resolve) => {
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', (error) => resolve(error.message));
    });
  const me = (token: string, base = system.apiUrl) => fetch(`${base}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });

  it('signs out: the token is refused afterwards on REST, on intake and on a new socket', async () => {
    const { token } = await system.login('duty');
    expect((await me(token)).status).toBe(200);
    expect(await handshake(open(system.apiUrl, token))).toBe('connected');

    const logout = await fetch(`${system.apiUrl}/api/v1/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(logout.status).toBe(204);

    expect((await me(token)).status).toBe(401);
    const intake = await fetch(`${system.intakeUrl}/api/v1/intake/mentions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{}',
    });
    expect(intake.status).toBe(401);
    expect(await handshake(open(system.apiUrl, token))).toBe('unauthorized');
    // Another session of the same user is untouched.
    const other = await system.login('duty');
    expect((await me(other.token)).status).toBe(200);
  });
});
