import { LIVE_NAMESPACE, type Case, type ClientToServerEvents, type ServerToClientEvents } from '@liaowang/contract';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { callApi } from './support/alert-flow';
import { eventually, startTestSystem, type TestSystem } from './support/test-system';

// R-UI-3 with several API instances: a change made through one instance reaches a dashboard
// connected to another as `cases:updated`, once; the wall screen, which may not read cases, hears nothing.
describe('live case updates across API instances', () => {
  let a: TestSystem;
  let b: TestSystem;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    a = await startTestSystem({ stream: false });
    b = await startTestSystem({ stream: false });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await a?.stop();
    await b?.stop();
  });

  const listen = async (system: TestSystem, username: string) => {
    const { token } = await system.login(username);
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(`${system.apiUrl}${LIVE_NAMESPACE}`, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    const heard: Case[] = [];
    socket.on('cases:updated', (kase) => heard.push(kase));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return heard;
  };

  it('pushes a case opened and moved through instance A to sockets on instance B, each version once', async () => {
    const onB = await listen(b, 'responder');
    const wall = await listen(b, 'screen');
    // The instances' consumers start from the latest offset: let them join before the first write.
    await new Promise((r) => setTimeout(r, 3_000));

    const { token } = await a.login('duty');
    const title = `跨实例推送 ${randomUUID().slice(0, 8)}`;
    const opened = await callApi(a.apiUrl, token, 'POST', '/api/v1/cases', { title });
    expect(opened.status).toBe(201);
    const kase = (await opened.json()) as Case;
    const moved = await callApi(a.apiUrl, token, 'POST', `/api/v1/cases/${kase.id}/transitions`, { to: 'assessment', reason: '核实中', version: kase.version });
    expect(moved.status).toBe(200);

    const versions = (heard: Case[]) => heard.filter((c) => c.id === kase.id).map((c) => c.version);
    await eventually(async () => (versions(onB).length >= 2 ? true : undefined), 15_000, 'both versions on instance B');
    await new Promise((r) => setTimeout(r, 500));
    expect(versions(onB)).toEqual([1, 2]);
    expect(onB.find((c) => c.id === kase.id && c.version === 2)).toMatchObject({ state: 'assessment', title });
    expect(versions(wall)).toEqual([]);
  });
});
