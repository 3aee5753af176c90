import { randomUUID } from 'node:crypto';
import { startTestSystem, type TestSystem } from './support/test-system';

describe('access control and input errors', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem({ stream: false });
  });
  afterAll(() => system?.stop());

  it('answers a malformed intake request with 400 problem+json naming the fields', async () => {
    const response = await fetch(`${system.intakeUrl}/api/v1/intake/mentions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-intake-key': system.intakeKey },
      body: JSON.stringify({ platform: 'weibo', author: { id: 'u1' }, text: '', publishedAt: 'yesterday' }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { errors: { field: string }[]; correlationId: string };
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['author.name', 'publishedAt', 'text']);
    expect(problem.correlationId).toBeTruthy();
  });

  it('answers invalid JSON with 400, not a crash', async () => {
    const response = await fetch(`${system.intakeUrl}/api/v1/intake/mentions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-intake-key': system.intakeKey },
      body: '{"platform": ',
    });
    expect(response.status).toBe(400);
  });

  it.each([
    ['GET', 'api', '/api/v1/items'],
    ['GET', 'api', '/api/v1/items?q=停课'],
    ['GET', 'api', '/api/v1/auth/me'],
    ['POST', 'intake', '/api/v1/intake/mentions'],
  ])('refuses %s %s %s without a session with 401', async (method, service, path) => {
    const base = service === 'api' ? system.apiUrl : system.intakeUrl;
    const response = await fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json' }, body: method === 'POST' ? '{}' : undefined });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses a forged token', async () => {
    const response = await fetch(`${system.apiUrl}/api/v1/items`, { headers: { authorization: 'Bearer abc.def.ghi' } });
    expect(response.status).toBe(401);
  });

  it('refuses a wrong password, and then rate-limits the account (R-SEC-5)', async () => {
    // The throttle is kept in Elasticsearch and shared by test runs: a fresh name each run, so
    // the seed users stay usable.
    const username = `nobody-${randomUUID().slice(0, 8)}`;
    const attempt = () =>
      fetch(`${system.apiUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'not-the-password' }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt()).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('lets only duty staff push through intake with a session', async () => {
    // A text of this run: the same item pushed by an earlier run is a duplicate, not accepted again.
    const body = JSON.stringify({ platform: 'weibo', author: { id: 'u', name: 'n' }, text: `t ${randomUUID()}`, publishedAt: new Date().toISOString() });
    const as = async (username: string) => {
      const { token } = await system.login(username);
      return (
        await fetch(`${system.intakeUrl}/api/v1/intake/mentions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body,
        })
      ).status;
    };
    expect(await as('duty')).toBe(202);
    expect(await as('screen')).toBe(403);
    const metrics = await (await fetch(`${system.intakeUrl}/metrics`)).text();
    expect(metrics).toMatch(/liaowang_items_accepted_total\{[^}]*source="http"[^}]*\} [1-9]/);
  });

  it('tells a signed-in user who they are', async () => {
    const { token, user } = await system.login('responder');
    const response = await fetch(`${system.apiUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(await response.json()).toEqual(user);
    expect(user.role).toBe('responder');
  });
});
