import type { INestApplication } from '@nestjs/common';
import { createApiApp } from '@liaowang/api';
import { LIVE_NAMESPACE, type Alert, type AlertReplay, type AlertRule, type ClientToServerEvents, type ServerToClientEvents } from '@liaowang/contract';
import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { callApi, createRule, postMention, uniqueKeyword, waitForAlerts } from './support/alert-flow';
import { eventually, startTestSystem, type TestSystem } from './support/test-system';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A dashboard's alert client: what it received, and the last cursor it saw (what it resumes after). */
interface AlertClient {
  socket: LiveSocket;
  /** Every alerts:new cursor in arrival order, of every rule (tests share Elasticsearch). */
  cursors: number[];
  /** alerts:new of this test's rule, in arrival order. */
  mine: Alert[];
  updated: Alert[];
  replay: AlertReplay;
  last: number | null;
}

// R-ALR-2 and R-REL-4 on the real stack: a matching item posted over HTTP reaches a connected
// socket.io-client as alerts:new; a client that was away gets exactly what it missed, in order,
// then the live stream, across a restart of the API and from another API instance.
describe('live alerts and their replay', () => {
  let system: TestSystem;
  let token: string;
  let rule: AlertRule;
  let keyword: string;
  const apps: INestApplication[] = [];
  const clients: AlertClient[] = [];

  beforeAll(async () => {
    system = await startTestSystem({ settings: { ALERT_RULES_RELOAD_SECONDS: '1' } });
    token = (await system.login('duty')).token;
    keyword = uniqueKeyword('推送');
    rule = await createRule(system, token, { name: `推送${keyword}`, severity: 'critical', match: { keywords: keyword }, repeatMinutes: 0 });
  });
  afterAll(async () => {
    for (const client of clients) client.socket.disconnect();
    for (const app of apps) await app.close().catch(() => undefined);
    await system?.stop();
  });

  const startApi = async (): Promise<{ app: INestApplication; url: string }> => {
    const app = await createApiApp(system.settings);
    await app.listen(0, '127.0.0.1');
    apps.push(app);
    return { app, url: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}` };
  };

  const connect = async (url: string, cursor: number | null): Promise<AlertClient> => {
    const socket: LiveSocket = io(`${url}${LIVE_NAMESPACE}`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    const client: AlertClient = { socket, cursors: [], mine: [], updated: [], replay: { replayed: -1, more: false }, last: cursor };
    clients.push(client);
    socket.on('alerts:new', (alert) => {
      client.cursors.push(alert.cursor);
      client.last = Math.max(client.last ?? -1, alert.cursor);
      if (alert.ruleId === rule.id) client.mine.push(alert);
    });
    socket.on('alerts:updated', (alert) => {
      if (alert.ruleId === rule.id) client.updated.push(alert);
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const reply = await socket.timeout(20_000).emitWithAck('alerts:since', { cursor });
    if ('error' in reply) throw new Error(`alerts:since: ${reply.error}`);
    client.replay = reply;
    return client;
  };

  const raise = async (count: number, label: string): Promise<Alert[]> => {
    const before = (await waitForAlerts(system, token, rule.id, 0)).length;
    for (let i = 0; i < count; i++) await postMention(system, `${keyword} ${label}${i} 网传地铁停运`);
    const alerts = await waitForAlerts(system, token, rule.id, before + count);
    return alerts.slice(0, count).reverse();
  };

  const receivedMine = (client: AlertClient, count: number) =>
    eventually(async () => (client.mine.length >= count ? client.mine : undefined), 60_000, `${count} alerts:new of the rule`);

  const expectOnceInOrder = (client: AlertClient) => {
    expect(new Set(client.cursors).size).toBe(client.cursors.length);
    expect([...client.cursors].sort((a, b) => a - b)).toEqual(client.cursors);
  };

  it('pushes an alert raised from a posted item, with its cursor', async () => {
    const client = await connect(system.apiUrl, null);
    expect(client.replay).toEqual({ replayed: 0, more: false });
    const itemId = await postMention(system, `${keyword} 网传明天全市停水`);
    const [alert] = await receivedMine(client, 1);
    expect(alert).toMatchObject({ ruleId: rule.id, ruleVersion: 1, severity: 'critical', state: 'new', count: 1 });
    expect(Number.isInteger(alert.cursor)).toBe(true);
    expect(alert.items[0].id).toBe(itemId);
  });

  it('gives a client that was away exactly the five alerts it missed, in order, then the live ones', async () => {
    const away = clients[0];
    away.socket.disconnect();
    const missed = await raise(5, '离线');

    const back = await connect(system.apiUrl, away.last);
    expect(back.replay.replayed).toBeGreaterThanOrEqual(5);
    expect(back.replay.more).toBe(false);
    expect(back.mine.map((a) => a.id)).toEqual(missed.map((a) => a.id));

    const [live] = await raise(1, '在线');
    await receivedMine(back, 6);
    expect(back.mine.map((a) => a.id)).toEqual([...missed, live].map((a) => a.id));
    expectOnceInOrder(back);
  });

  it('replays across a restart of the API, and pushes live again after it', async () => {
    const first = await startApi();
    const client = await connect(first.url, clients[1].last);
    expect(client.mine).toEqual([]);
    client.socket.disconnect();
    await first.app.close();

    const missed = await raise(5, '重启');
    const restarted = await startApi();
    const back = await connect(restarted.url, client.last);
    expect(back.mine.map((a) => a.id)).toEqual(missed.map((a) => a.id));
    const [live] = await raise(1, '重启后');
    await receivedMine(back, 6);
    expect(back.mine.at(-1)?.id).toBe(live.id);
    expectOnceInOrder(back);
  });

  it('moves a client from one API instance to another without a gap, and pushes moves to every instance', async () => {
    const [a, b] = [await startApi(), await startApi()];
    const onA = await connect(a.url, clients.at(-1)!.last);
    const watcherOnA = await connect(a.url, null);
    const [seen] = await raise(1, '实例甲');
    await receivedMine(onA, 1);
    expect(onA.mine[0].id).toBe(seen.id);
    onA.socket.disconnect();

    const missed = await raise(5, '换实例');
    const onB = await connect(b.url, onA.last);
    expect(onB.mine.map((x) => x.id)).toEqual(missed.map((x) => x.id));
    const [live] = await raise(1, '实例乙');
    await receivedMine(onB, 6);
    expect(onB.mine.at(-1)?.id).toBe(live.id);
    expectOnceInOrder(onB);

    // An ack through instance B reaches the client on instance A.
    const acked = await callApi(b.url, token, 'POST', `/api/v1/alerts/${live.id}/ack`);
    expect(acked.status).toBe(200);
    const update = await eventually(async () => watcherOnA.updated.find((x) => x.id === live.id), 30_000, 'alerts:updated on the other instance');
    expect(update.state).toBe('acknowledged');
    expect(watcherOnA.mine.map((x) => x.id)).toEqual([seen, ...missed, live].map((x) => x.id));
  });
});
