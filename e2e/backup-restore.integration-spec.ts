import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { AUDIT_INDEX_NAME, recordIndexPatterns, USERS_INDEX_NAME, usersIndex, type AuditRecord } from '@liaowang/contract';
import { AuditTrail, createElasticsearchClient, createLogger, verifyAuditChain, type Settings } from '@liaowang/platform';
import { createApiApp } from '@liaowang/api';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { testSettings } from './support/test-settings';

// R-REL-5 / R-SEC-4 through the real CLI on the real Elasticsearch: back up, lose the record
// indices, restore, and everything of record is back as it was. The test ends with the indices
// restored, so the tests after it find them as before.
const CLI = join(__dirname, '..', 'cli', 'bin', 'liaowang.js');

function liaowang(settings: Settings, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, ES_URL: settings.ES_URL, BACKUP_PATH: settings.BACKUP_PATH },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

type Doc = { index: string; id: string; source: unknown };
// The documents of `after` that `before` does not hold (an id per index), and the rest.
const added = (before: Doc[], after: Doc[]) => after.filter((d) => !before.some((b) => b.index === d.index && b.id === d.id));
const auditOf = (docs: Doc[]) => docs.map((d) => (d.index === AUDIT_INDEX_NAME ? (d.source as AuditRecord) : undefined));

describe('backup and restore of the record indices', () => {
  const settings = testSettings({ BACKUP_CRON: 'off' });
  const es = createElasticsearchClient(settings.ES_URL);
  let app: INestApplication | undefined;

  const startApi = async () => {
    app = await createApiApp(settings);
    await app.listen(0, '127.0.0.1');
    return `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  };
  const stopApi = async () => {
    await app?.close();
    app = undefined;
  };
  const login = (url: string, username: string, password = settings.SEED_PASSWORD) =>
    fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });

  // Every document of every record index, with its index and id, in a stable order.
  const recordDocuments = async (): Promise<Doc[]> => {
    const index = recordIndexPatterns().join(',');
    await es.indices.refresh({ index, ignore_unavailable: true, allow_no_indices: true });
    if ((await recordIndices()).length === 0) return [];
    // Every document, however many earlier tests wrote: a point in time, paged in shard order.
    const pit = await es.openPointInTime({ index, keep_alive: '1m', ignore_unavailable: true });
    const docs: Doc[] = [];
    try {
      let after: unknown[] | undefined;
      for (;;) {
        const page = await es.search({ pit: { id: pit.id, keep_alive: '1m' }, size: 5_000, sort: ['_shard_doc'], search_after: after as never, query: { match_all: {} } });
        docs.push(...page.hits.hits.map((h) => ({ index: h._index, id: h._id!, source: h._source })));
        if (page.hits.hits.length < 5_000) break;
        after = page.hits.hits.at(-1)!.sort;
      }
    } finally {
      await es.closePointInTime({ id: pit.id });
    }
    return docs.sort((a, b) => a.index.localeCompare(b.index) || a.id.localeCompare(b.id));
  };
  // The open record indices, empty ones included: all of them go in the disaster.
  const recordIndices = async (): Promise<string[]> =>
    Object.keys(await es.indices.get({ index: recordIndexPatterns().join(','), ignore_unavailable: true, allow_no_indices: true, expand_wildcards: 'open' })).sort();

  afterAll(async () => {
    await stopApi();
    await es.close();
  });

  it('brings back every user and audit record, the aliases, and a whole audit chain', async () => {
    // Records of both kinds: seed users, sign-ins (audited), a user written directly, an audit entry.
    const url = await startApi();
    expect((await login(url, 'admin')).status).toBe(200);
    expect((await login(url, 'duty')).status).toBe(200);
    expect((await login(url, 'duty', 'not-the-password')).status).toBe(401);
    const extra = `backup-test-${randomUUID().slice(0, 8)}`;
    await es.index({
      index: USERS_INDEX_NAME,
      id: extra,
      document: { username: extra, displayName: '备份测试', role: 'screen', passwordHash: 'not-a-hash', disabled: true, createdAt: new Date().toISOString() },
      refresh: 'wait_for',
    });
    const audit = new AuditTrail(es, createLogger('backup-test', 'silent'));
    await audit.append({ actor: { username: 'admin', role: 'admin' }, action: 'backup.test', target: { type: 'user', id: extra }, outcome: 'success' });
    // Nothing may write while the indices are snapshotted, deleted and restored.
    await stopApi();

    const before = await recordDocuments();
    const indices = await recordIndices();
    expect(indices).toEqual(expect.arrayContaining([USERS_INDEX_NAME, AUDIT_INDEX_NAME]));
    expect(before.some((d) => d.index === USERS_INDEX_NAME && d.id === extra)).toBe(true);
    expect(before.filter((d) => d.index === AUDIT_INDEX_NAME).length).toBeGreaterThan(0);
    expect((await verifyAuditChain(es)).ok).toBe(true);

    const backup = liaowang(settings, 'backup');
    expect(backup).toMatchObject({ code: 0, stderr: '' });
    const snapshot = /^snapshot (liaowang-\d{8}-\d{6}): SUCCESS$/m.exec(backup.stdout)?.[1];
    expect(snapshot).toBeDefined();
    for (const index of indices) expect(backup.stdout).toContain(index);
    expect(liaowang(settings, 'backup', '--list').stdout).toContain(snapshot);
    // The backup is on the trail, written after the snapshot (so the snapshot cannot hold it).
    const afterBackup = await recordDocuments();
    expect(auditOf(added(before, afterBackup))).toEqual([expect.objectContaining({ action: 'backups.create', target: { type: 'snapshot', id: snapshot }, outcome: 'success' })]);

    // While the indices are open, restore refuses and names them.
    const refused = liaowang(settings, 'restore', snapshot!);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(USERS_INDEX_NAME);
    expect(refused.stderr).toContain('--force');
    expect(await recordDocuments()).toEqual(afterBackup);

    // The disaster: the record indices are gone.
    await es.indices.delete({ index: indices.join(',') });
    expect(await recordDocuments()).toEqual([]);

    const restored = liaowang(settings, 'restore', snapshot!);
    expect(restored).toMatchObject({ code: 0, stderr: '' });
    // Everything of record is back as it was at the snapshot, and the restore itself is the next
    // record of the restored chain (the backup's record, written after the snapshot, is not).
    const afterRestore = await recordDocuments();
    const restoreRecords = added(before, afterRestore);
    expect(auditOf(restoreRecords)).toEqual([expect.objectContaining({ action: 'backups.restore', target: { type: 'snapshot', id: snapshot } })]);
    expect(afterRestore.filter((d) => !restoreRecords.includes(d))).toEqual(before);
    const verdict = await verifyAuditChain(es);
    expect(verdict).toMatchObject({ ok: true, records: before.filter((d) => d.index === AUDIT_INDEX_NAME).length + 1 });
    const aliases = await es.indices.getAlias({ index: USERS_INDEX_NAME });
    expect(Object.keys(aliases[USERS_INDEX_NAME].aliases)).toContain(usersIndex.alias);

    // The API comes back on the restored users.
    const again = await startApi();
    expect((await login(again, 'admin')).status).toBe(200);
    await stopApi();
  });

  it('with --force closes the open record indices and overwrites them with the snapshot', async () => {
    const before = await recordDocuments();
    const backup = liaowang(settings, 'backup');
    expect(backup.code).toBe(0);
    const stray = `backup-stray-${randomUUID().slice(0, 8)}`;
    await es.index({
      index: USERS_INDEX_NAME,
      id: stray,
      document: { username: stray, displayName: 'stray', role: 'screen', passwordHash: 'x', disabled: true, createdAt: new Date().toISOString() },
      refresh: 'wait_for',
    });

    const forced = liaowang(settings, 'restore', '--force');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain(`closed and overwritten: `);
    const afterRestore = await recordDocuments();
    const restoreRecords = added(before, afterRestore);
    expect(auditOf(restoreRecords)).toEqual([expect.objectContaining({ action: 'backups.restore' })]);
    expect(afterRestore.filter((d) => !restoreRecords.includes(d))).toEqual(before);
    expect((await verifyAuditChain(es)).ok).toBe(true);
  });

  it('says which snapshot is missing, with its own exit code', () => {
    const missing = liaowang(settings, 'restore', 'liaowang-19990101-000000');
    expect(missing.code).toBe(4);
    expect(missing.stderr).toMatch(/no snapshot liaowang-19990101-000000/);
    expect(missing.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
