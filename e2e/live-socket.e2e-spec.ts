import { LIVE_NAMESPACE, type ClientToServerEvents, type ItemSummary, type ServerToClientEvents } from '@liaowang/contract';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { startTestSystem, type TestSystem } from './support/test-system';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

// R-SEC-5 and R-ALR-2 over a real Socket.IO connection: the handshake is checked server-side,
// and an item posted to intake arrives, enriched and masked, in an `items:indexed` push.
describe('live namespace on the real stack', () => {
  let system: TestSystem;
  const sockets: LiveSocket[] = [];

  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await system?.stop();
  });

  const open = (auth: Record<string, unknown>): LiveSocket => {
    const socket: LiveSocket = io(`${system.apiUrl}${LIVE_NAMESPACE}`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    return socket;
  };
  const handshake = (socket: LiveSocket) =>
    new Promise<string>((resolve) => {
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', (error) => resolve(error.message));
    });

  it.each([
    ['no token', {}],
    ['a forged token', { token: 'abc.def.ghi' }],
    ['a token that is not a string', { token: 42 }],
  ])('refuses a handshake with %s', async (_, auth) => {
    expect(await handshake(open(auth))).toBe('unauthorized');
  });

  it('lets a signed-in duty officer catch up and then pushes a new item, masked, in a batch', async () => {
    const { token } = await system.login('duty');
    const socket = open({ token });
    expect(await handshake(socket)).toBe('connected');
    const recent = await socket.timeout(10_000).emitWithAck('items:recent', 5);
    expect(Array.isArray(recent)).toBe(true);
    expect(recent.length).toBeLessThanOrEqual(5);

    const marker = `实时推送${randomUUID().slice(0, 8)}`;
    const pushed = new Promise<ItemSummary>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no items:indexed push with the posted item')), 60_000);
      socket.on('items:indexed', (items) => {
        const mine = items.find((item) => item.text.includes(marker));
        if (mine) {
          clearTimeout(timer);
          resolve(mine);
        }
      });
    });
    const response = await fetch(`${system.intakeUrl}/api/v1/intake/mentions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-intake-key': system.intakeKey },
      body: JSON.stringify({
        sourceId: randomUUID(),
        platform: 'weibo',
        author: { id: 'u-live', name: '实时测试' },
        text: `${marker} 小区门口积水严重，联系电话13912345678`,
        publishedAt: new Date().toISOString(),
      }),
    });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };

    const item = await pushed;
    expect(item.id).toBe(id);
    expect(item.text).not.toContain('13912345678');
    expect(['negative', 'neutral', 'positive']).toContain(item.sentiment.label);
  });
});
