import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import {
  LIVE_NAMESPACE,
  type AuditPage,
  type ClientToServerEvents,
  type LoginResponse,
  type Role,
  type ServerToClientEvents,
  type SessionEnded,
  type SessionSummary,
  type UserAccount,
} from '@liaowang/contract';
import { createApiApp } from '@liaowang/api';
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { testSettings } from './support/test-settings';
import { startTestSystem, type TestSystem } from './support/test-system';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

// R-SEC-3 and R-SEC-5 on the real stack: sessions are an allow-list in Elasticsearch shared by
// every instance, the sign-in throttle too, and user administration ends sessions where it must.
// Every test makes its own users through the admin API, so the seed users are never locked out.
describe('sessions, sign-in throttle and user administration on the real stack', () => {
  let system: TestSystem;
  const apps: INestApplication[] = [];
  const sockets: LiveSocket[] = [];
  let adminToken: string;

  beforeAll(async () => {
    system = await startTestSystem({ stream: false });
    adminToken = (await system.login('admin')).token;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    for (const app of apps) await app.close();
    await system?.stop();
  });

  /** Another API instance on the same Kafka and Elasticsearch, with its own settings. */
  const startApi = async (settings: Record<string, string> = {}): Promise<string> => {
    const app = await createApiApp(testSettings(settings));
    await app.listen(0, '127.0.0.1');
    apps.push(app);
    return `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  };
  const call = (method: string, path: string, token?: string, body?: unknown, base = system.apiUrl, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const me = (token: string, base = system.apiUrl) => call('GET', '/api/v1/auth/me', token, undefined, base);
  const login = (username: string, password: string, base = system.apiUrl, headers: Record<string, string> = {}) =>
    call('POST', '/api/v1/auth/login', undefined, { username, password }, base, headers);
  const signIn = async (username: string, password: string, base = system.apiUrl): Promise<LoginResponse> => {
    const response = await login(username, password, base);
    if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
    return (await response.json()) as LoginResponse;
  };
  /** A fresh user made through the admin API. */
  const newUser = async (role: Role = 'duty_officer') => {
    const username = `t-${randomUUID().slice(0, 12)}`;
    const password = randomBytes(12).toString('base64url');
    const response = await call('POST', '/api/v1/users', adminToken, { username, displayName: `测试 ${username}`, role, password });
    expect(response.status).toBe(201);
    return { username, password, account: (await response.json()) as UserAccount };
  };
  const openSocket = (base: string, token: string): LiveSocket => {
    const socket: LiveSocket = io(`${base}${LIVE_NAMESPACE}`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    return socket;
  };
  const handshake = (socket: LiveSocket) =>
    new Promise<string>((resolve) => {
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', (error) => resolve(error.message));
    });
  const ending = (socket: LiveSocket) =>
    new Promise<{ ended?: SessionEnded; disconnectedAt: number }>((resolve) => {
      let ended: SessionEnded | undefined;
      socket.on('session:ended', (payload) => (ended = payload));
      socket.on('disconnect', () => resolve({ ended, disconnectedAt: Date.now() }));
    });

  it('signs out: the token is refused afterwards on REST, on intake and on a new socket', async () => {
    const { username, password } = await newUser();
    const { token } = await signIn(username, password);
    expect((await me(token)).status).toBe(200);
    expect(await handshake(openSocket(system.apiUrl, token))).toBe('connected');

    expect((await call('POST', '/api/v1/auth/logout', token)).status).toBe(204);

    expect((await me(token)).status).toBe(401);
    expect((await call('POST', '/api/v1/intake/mentions', token, {}, system.intakeUrl)).status).toBe(401);
    expect(await handshake(openSocket(system.apiUrl, token))).toBe('unauthorized');
    // Another session of the same user is untouched.
    expect((await me((await signIn(username, password)).token)).status).toBe(200);
  });

  it('lets admins list, create and change users, never showing a hash, and refuses everyone else with 403', async () => {
    const { username, password, account } = await newUser('responder');
    expect(account).toMatchObject({ username, role: 'responder', disabled: false });
    const listed = (await (await call('GET', '/api/v1/users', adminToken)).json()) as UserAccount[];
    expect(listed.find((u) => u.username === username)).toMatchObject({ role: 'responder' });
    expect(JSON.stringify(listed)).not.toMatch(/passwordHash|argon2/);

    const duplicate = await call('POST', '/api/v1/users', adminToken, { username, displayName: 'x', role: 'screen', password });
    expect(duplicate.status).toBe(409);
    const weak = await call('POST', '/api/v1/users', adminToken, { username: `t-${randomUUID().slice(0, 8)}`, displayName: 'x', role: 'screen', password: 'short' });
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['password']);

    const renamed = await call('PATCH', `/api/v1/users/${username}`, adminToken, { displayName: '新名字', version: account.version });
    expect(renamed.status).toBe(200);
    // A second admin still holding the old version does not overwrite silently.
    const stale = await call('PATCH', `/api/v1/users/${username}`, adminToken, { displayName: '旧名字', version: account.version });
    expect(stale.status).toBe(409);
    expect((await call('PATCH', '/api/v1/users/no-such-user-here', adminToken, { disabled: true })).status).toBe(404);

    const { token } = await signIn(username, password);
    for (const [method, path] of [
      ['GET', '/api/v1/users'],
      ['POST', '/api/v1/users'],
      ['PATCH', `/api/v1/users/${username}`],
      ['POST', `/api/v1/users/${username}/password`],
      ['POST', `/api/v1/users/${username}/sessions/revoke`],
      ['GET', `/api/v1/users/${username}/sessions`],
    ]) {
      expect([method, path, (await call(method, path, token, method === 'GET' ? undefined : {})).status]).toEqual([method, path, 403]);
    }
  });

  it('does not let an admin disable or re-role themself (422 naming the rule)', async () => {
    const { username, password } = await newUser('admin');
    const { token } = await signIn(username, password);
    for (const change of [{ disabled: true }, { role: 'screen' }]) {
      const response = await call('PATCH', `/api/v1/users/${username}`, token, change);
      expect(response.status).toBe(422);
      expect(((await response.json()) as { detail: string }).detail).toMatch(/own account or change their own role/);
    }
    expect((await call('PATCH', `/api/v1/users/${username}`, token, { displayName: '自己改名可以' })).status).toBe(200);
  });

  it('ends the session of a re-roled user, and a password reset signs the user out everywhere', async () => {
    const { username, password } = await newUser('duty_officer');
    const first = await signIn(username, password);
    const second = await signIn(username, password);
    const listed = (await (await call('GET', `/api/v1/users/${username}/sessions`, adminToken)).json()) as SessionSummary[];
    expect(listed.map((s) => s.clientAddress)).toEqual(['127.0.0.1', '127.0.0.1']);

    expect((await call('PATCH', `/api/v1/users/${username}`, adminToken, { role: 'leader' })).status).toBe(200);
    expect((await me(first.token)).status).toBe(401);
    const third = await signIn(username, password);
    expect(third.user.role).toBe('leader');

    const reset = await call('POST', `/api/v1/users/${username}/password`, adminToken, { password: 'a-new-password-2025' });
    expect(await reset.json()).toEqual({ revoked: 3 });
    expect((await me(third.token)).status).toBe(401);
    expect((await me(second.token)).status).toBe(401);
    expect((await login(username, password)).status).toBe(401);
    const fourth = await signIn(username, 'a-new-password-2025');
    expect(await (await call('POST', `/api/v1/users/${username}/sessions/revoke`, adminToken)).json()).toEqual({ revoked: 1 });
    expect((await me(fourth.token)).status).toBe(401);
    expect(await (await call('GET', `/api/v1/users/${username}/sessions`, adminToken)).json()).toEqual([]);
  });

  it('audits sign-in, failed sign-in, sign-out and every user change, with before/after but never a hash', async () => {
    const { username, password } = await newUser('responder');
    expect((await login(username, 'wrong-password-123')).status).toBe(401);
    const { token } = await signIn(username, password);
    expect((await call('POST', '/api/v1/auth/logout', token)).status).toBe(204);
    expect((await call('PATCH', `/api/v1/users/${username}`, adminToken, { role: 'leader' })).status).toBe(200);
    expect((await call('POST', `/api/v1/users/${username}/password`, adminToken, { password: 'another-password-9' })).status).toBe(200);
    expect((await call('POST', `/api/v1/users/${username}/sessions/revoke`, adminToken)).status).toBe(200);

    // Appended before the answer: no waiting for the records beyond the search refresh.
    const trail = async (query: string) => {
      await new Promise((r) => setTimeout(r, 1100));
      return ((await (await call('GET', `/api/v1/audit?${query}`, adminToken)).json()) as AuditPage).records;
    };
    const aboutUser = await trail(`targetType=user&targetId=${username}&size=50`);
    expect(aboutUser.map((r) => r.action).reverse()).toEqual([
      'users.create',
      'auth.login.failed',
      'users.update',
      'users.password.reset',
      'users.sessions.revoke',
    ]);
    const failed = aboutUser.find((r) => r.action === 'auth.login.failed')!;
    expect(failed).toMatchObject({ actor: { username, role: 'unknown' }, outcome: 'failure', clientAddress: '127.0.0.1' });
    const update = aboutUser.find((r) => r.action === 'users.update')!;
    expect(update).toMatchObject({ actor: { username: 'admin', role: 'admin' }, before: { role: 'responder' }, after: { role: 'leader' } });
    expect(JSON.stringify(aboutUser)).not.toMatch(/passwordHash|argon2/);
    const own = await trail(`actor=${username}&size=50`);
    expect(own.map((r) => r.action).sort()).toEqual(['auth.login', 'auth.login.failed', 'auth.logout']);
  });

  it('closes the open sockets of a disabled user: at once on this instance, within the re-check period on another', async () => {
    const other = await startApi({ SOCKET_RECHECK_SECONDS: '1' });
    const { username, password } = await newUser('duty_officer');
    const hereToken = (await signIn(username, password)).token;
    const thereToken = (await signIn(username, password, other)).token;
    const here = openSocket(system.apiUrl, hereToken);
    const there = openSocket(other, thereToken);
    expect(await Promise.all([handshake(here), handshake(there)])).toEqual(['connected', 'connected']);
    const hereEnds = ending(here);
    const thereEnds = ending(there);

    const disabledAt = Date.now();
    expect((await call('PATCH', `/api/v1/users/${username}`, adminToken, { disabled: true })).status).toBe(200);
    const closedHere = await hereEnds;
    // This instance re-checks every 30 s; it closed the socket because the change was made here.
    expect(closedHere.disconnectedAt - disabledAt).toBeLessThan(3000);
    expect(closedHere.ended).toEqual({ reason: 'user-disabled' });
    const closedThere = await thereEnds;
    expect(closedThere.disconnectedAt - disabledAt).toBeLessThan(5000);
    expect(closedThere.ended).toEqual({ reason: 'user-disabled' });
    expect((await login(username, password)).status).toBe(401);
  });

  it('ends a session that was idle longer than SESSION_IDLE_MINUTES', async () => {
    const idle = await startApi({ SESSION_IDLE_MINUTES: '0.05' }); // 3 s
    const { username, password } = await newUser('screen');
    const { token } = await signIn(username, password, idle);
    // Used within the timeout, it stays open.
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 1500));
      expect((await me(token, idle)).status).toBe(200);
    }
    await new Promise((r) => setTimeout(r, 4000));
    const response = await me(token, idle);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/idle/);
  });

  it('holds the throttle under 20 parallel wrong attempts split over two instances, and a correct password then still gets 429', async () => {
    const other = await startApi();
    const { username, password } = await newUser('responder');
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => login(username, 'wrong-password-123', i % 2 === 0 ? system.apiUrl : other).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(15);

    for (const base of [system.apiUrl, other]) {
      const locked = await login(username, password, base);
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await locked.json()) as { detail: string }).detail).toMatch(/^请于 \d\d:\d\d 后再试 \/ try again after \d\d:\d\d$/);
    }
  });

  it('keys the throttle by the real address: a forged X-Forwarded-For counts only from a trusted proxy', async () => {
    const forged = (i: number) => ({ 'x-forwarded-for': `203.0.113.${i}` });
    const direct = await newUser('screen');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login(direct.username, 'wrong-password-123', system.apiUrl, forged(i))).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);

    const proxied = await startApi({ TRUSTED_PROXIES: '127.0.0.1' });
    const behindProxy = await newUser('screen');
    const proxiedStatuses: number[] = [];
    for (let i = 0; i < 6; i++) proxiedStatuses.push((await login(behindProxy.username, 'wrong-password-123', proxied, forged(i))).status);
    // From the proxy, each forwarded address is its own client: none reached five failures.
    expect(proxiedStatuses).toEqual([401, 401, 401, 401, 401, 401]);
    const listed = await signIn(behindProxy.username, behindProxy.password, proxied);
    expect(listed.user.username).toBe(behindProxy.username);
  });
});
