import { ROLES, LIVE_NAMESPACE, PUBLIC_ROLE, type ClientToServerEvents, type Role, type ServerToClientEvents } from '@liaowang/contract';
import { SEED_USERS } from '@liaowang/api';
import { SessionTokens } from '@liaowang/platform';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { startTestSystem, type TestSystem } from './support/test-system';

// R-SEC-1 from outside: every operation of the committed OpenAPI documents, called as every
// role and with bad tokens, must answer as its x-liaowang-roles say. The documents are the
// list, so a new route is walked as soon as `npm run openapi` wrote it.

interface Parameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: { type?: string; format?: string; example?: unknown; enum?: unknown[]; default?: unknown };
}
interface Operation {
  'x-liaowang-roles': string[];
  'x-liaowang-action'?: string;
  parameters?: Parameter[];
  requestBody?: unknown;
  security?: Record<string, string[]>[];
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  'x-liaowang-socket-events'?: { client: Record<string, { action: string; roles: string[] }> };
}
interface WalkedOperation {
  service: string;
  method: string;
  path: string;
  operation: Operation;
}

const DOCS_DIR = join(__dirname, '..', 'docs', 'openapi');
const documents: Record<string, Document> = Object.fromEntries(
  readdirSync(DOCS_DIR)
    .filter((file) => file.endsWith('.json'))
    .map((file) => [file.replace(/\.json$/, ''), JSON.parse(readFileSync(join(DOCS_DIR, file), 'utf8')) as Document]),
);
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const operations: WalkedOperation[] = Object.entries(documents).flatMap(([service, document]) =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ service, method, path, operation: item[method] })),
  ),
);
const LOGOUT_ACTION = 'auth.logout';
const logoutOperation = operations.find((op) => op.operation['x-liaowang-action'] === LOGOUT_ACTION);
const isPublic = (op: WalkedOperation) => op.operation['x-liaowang-roles'].includes(PUBLIC_ROLE);
const acceptsIntakeKey = (op: WalkedOperation) => (op.operation.security ?? []).some((s) => 'intake-key' in s);

// A value no record has, of the parameter's type, so a call finds nothing and changes nothing.
function sampleValue(parameter: Parameter): string {
  const schema = parameter.schema ?? {};
  if (schema.example !== undefined) return String(schema.example);
  if (schema.enum?.length) return String(schema.enum[0]);
  if (schema.type === 'integer' || schema.type === 'number') return '987654321';
  if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
  if (schema.format === 'date-time') return '2000-01-01T00:00:00Z';
  return 'matrix-walk-absent';
}

// Client events and what to send with them before the acknowledgement; a client event added
// to the contract without a sample here does not compile.
const SOCKET_SAMPLES: { [E in keyof ClientToServerEvents]: unknown[] } = {
  'items:recent': [1],
  'alerts:since': [{ cursor: null }],
};

const CREDENTIALS = ['none', 'forged', 'expired', 'revoked', 'intake-key'] as const;
type Caller = Role | (typeof CREDENTIALS)[number];

describe('permission matrix walk (R-SEC-1)', () => {
  let system: TestSystem;
  const tokens = new Map<Role, string>();
  const bad: Partial<Record<'forged' | 'expired' | 'revoked', string>> = {};
  const matrix = new Map<string, Partial<Record<Caller, number | string>>>();

  const baseOf = (service: string) => {
    if (service === 'api') return system.apiUrl;
    if (service === 'intake') return system.intakeUrl;
    throw new Error(`docs/openapi/${service}.json: no running service of that name in the test system`);
  };
  const call = async (op: WalkedOperation, headers: Record<string, string>): Promise<number> => {
    const parameters = op.operation.parameters ?? [];
    const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
      encodeURIComponent(sampleValue(parameters.find((p) => p.in === 'path' && p.name === name) ?? { in: 'path', name })),
    );
    const query = new URLSearchParams(parameters.filter((p) => p.in === 'query' && p.required).map((p) => [p.name, sampleValue(p)]));
    // An empty body fails validation (400) on every write, so the walk changes nothing.
    const body = ['post', 'put', 'patch'].includes(op.method) ? '{}' : undefined;
    const response = await fetch(`${baseOf(op.service)}${path}${query.size ? `?${query}` : ''}`, {
      method: op.method.toUpperCase(),
      headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      body,
    });
    await response.arrayBuffer();
    return response.status;
  };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const signIn = async (role: Role) => {
    const user = SEED_USERS.find((u) => u.role === role);
    if (!user) throw new Error(`no seed user with role ${role}`);
    return (await system.login(user.username)).token;
  };
  // A sign-out revokes the session it is called with: it gets a session of its own every time.
  const tokenFor = async (op: WalkedOperation, role: Role) =>
    op.operation['x-liaowang-action'] === LOGOUT_ACTION ? signIn(role) : (tokens.get(role) as string);

  beforeAll(async () => {
    system = await startTestSystem({ stream: false });
    for (const role of ROLES) tokens.set(role, await signIn(role));
    const admin = tokens.get('admin') as string;
    const claims = JSON.parse(Buffer.from(admin.split('.')[1], 'base64url').toString()) as { sub: string; sid: string; name: string };
    const user = { username: claims.sub, displayName: claims.name, role: 'admin' as const };
    // Well formed, but signed with another secret.
    bad.forged = (await new SessionTokens(randomBytes(32).toString('hex'), 60).issue(user, claims.sid)).token;
    // The right secret and an open session, but its lifetime ended a day ago.
    const ttl = system.settings.SESSION_TTL_MINUTES;
    bad.expired = (await new SessionTokens(system.settings.AUTH_TOKEN_SECRET, ttl).issue(user, claims.sid, new Date(Date.now() - (ttl + 24 * 60) * 60_000))).token;
    if (logoutOperation) {
      const revoked = await signIn('admin');
      expect(await call(logoutOperation, bearer(revoked))).toBeLessThan(300);
      bad.revoked = revoked;
    }
  });

  afterAll(async () => {
    await system?.stop();
    if (matrix.size === 0) return;
    const callers: Caller[] = [...ROLES, ...CREDENTIALS];
    const width = Math.max(...[...matrix.keys()].map((k) => k.length));
    const lines = [
      ['operation'.padEnd(width), ...callers.map((c) => c.padStart(12))].join(' '),
      ...[...matrix].map(([name, row]) => [name.padEnd(width), ...callers.map((c) => String(row[c] ?? '-').padStart(12))].join(' ')),
    ];
    process.stdout.write(`\nPermission matrix walked (HTTP status; '-' not applicable):\n${lines.join('\n')}\n\n`);
  });

  it('walks operations of every HTTP service', () => {
    expect(Object.keys(documents).sort()).toEqual(['api', 'intake']);
    expect(operations.length).toBeGreaterThan(5);
  });

  it('serves the committed API document at /api/docs', async () => {
    const response = await fetch(`${system.apiUrl}/api/docs`, { headers: bearer(tokens.get('admin') as string) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(documents.api);
  });

  it.each(operations.map((op) => [`${op.method.toUpperCase()} ${op.path} (${op.service})`, op] as const))(
    '%s answers each caller as its roles say',
    async (name, op) => {
      const row: Partial<Record<Caller, number | string>> = {};
      matrix.set(name, row);
      const wrong: string[] = [];
      const allowed = op.operation['x-liaowang-roles'];
      for (const role of ROLES) {
        const status = await call(op, bearer(await tokenFor(op, role)));
        row[role] = status;
        if (isPublic(op) || allowed.includes(role)) {
          if (status === 401 || status === 403) wrong.push(`${role} is allowed but got ${status}`);
        } else if (status !== 403) wrong.push(`${role} is not allowed but got ${status}, not 403`);
      }
      row.none = await call(op, {});
      if (isPublic(op)) {
        if (row.none === 401 || row.none === 403) wrong.push(`public, but no token got ${row.none}`);
      } else {
        if (row.none !== 401) wrong.push(`no token got ${row.none}, not 401`);
        for (const kind of ['forged', 'expired', 'revoked'] as const) {
          const token = bad[kind];
          if (!token) continue;
          row[kind] = await call(op, bearer(token));
          if (row[kind] !== 401) wrong.push(`a ${kind} token got ${row[kind]}, not 401`);
        }
      }
      if (acceptsIntakeKey(op)) {
        row['intake-key'] = await call(op, { 'x-intake-key': system.intakeKey });
        if (row['intake-key'] === 401 || row['intake-key'] === 403) wrong.push(`the intake key got ${row['intake-key']}`);
      }
      expect(wrong).toEqual([]);
    },
  );

  describe('Socket.IO client events', () => {
    const declared = documents.api['x-liaowang-socket-events']?.client ?? {};
    const sockets: Socket<ServerToClientEvents, ClientToServerEvents>[] = [];
    afterAll(() => {
      for (const socket of sockets) socket.disconnect();
    });

    it('the API document lists every client event of the contract', () => {
      expect(Object.keys(declared).sort()).toEqual(Object.keys(SOCKET_SAMPLES).sort());
    });

    it.each(Object.keys(SOCKET_SAMPLES) as (keyof ClientToServerEvents)[])('%s is answered as its roles say', async (event) => {
      const answers: string[] = [];
      const wrong: string[] = [];
      for (const role of ROLES) {
        const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(`${system.apiUrl}${LIVE_NAMESPACE}`, {
          auth: { token: tokens.get(role) },
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
        });
        sockets.push(socket);
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', (error) => reject(new Error(`${role}: handshake refused: ${error.message}`)));
        });
        const timed = socket.timeout(5_000);
        const emit = timed.emitWithAck as (e: string, ...a: unknown[]) => Promise<unknown>;
        const reply = await emit.call(timed, event, ...SOCKET_SAMPLES[event]).catch((error: Error) => error);
        socket.disconnect();
        if (reply instanceof Error) {
          wrong.push(`${role}: no acknowledgement (${reply.message}); does the gateway answer ${event}?`);
          continue;
        }
        const refused = JSON.stringify(reply) === JSON.stringify({ error: 'forbidden' });
        answers.push(`${role}=${refused ? 'forbidden' : 'data'}`);
        const isAllowed = declared[event]?.roles.includes(role) ?? false;
        if (isAllowed && refused) wrong.push(`${role} is allowed but was refused`);
        if (!isAllowed && !refused) wrong.push(`${role} is not allowed but got data`);
      }
      process.stdout.write(`socket ${event}: ${answers.join(' ')}\n`);
      expect(wrong).toEqual([]);
    });
  });
});
