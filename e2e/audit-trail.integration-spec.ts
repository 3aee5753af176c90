import { errors } from '@elastic/elasticsearch';
import {
  AUDIT_INDEX_NAME,
  auditDocumentId,
  itemsEnrichedTopic,
  itemsIndexFor,
  toItemDocument,
  type AuditChainVerdict,
  type AuditPage,
  type AuditRecord,
  type ItemDocument,
} from '@liaowang/contract';
import { createElasticsearchClient, ensureIndex } from '@liaowang/platform';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { startTestSystem, type TestSystem } from './support/test-system';

interface CliRun {
  code: number;
  output: string;
}

/** `liaowang audit verify`, run for real as an operator would, against the test stack. */
function auditVerify(esUrl: string): Promise<CliRun> {
  const bin = join(__dirname, '..', 'cli', 'bin', 'liaowang.js');
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, 'audit', 'verify'], { env: { ...process.env, ES_URL: esUrl } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

describe('audit trail on the real stack (R-SEC-2, R-SEC-6)', () => {
  let system: TestSystem;
  const es = createElasticsearchClient(process.env.ES_URL ?? 'http://127.0.0.1:9200');
  const esUrl = process.env.ES_URL ?? 'http://127.0.0.1:9200';
  const itemId = `test:audit-${randomUUID()}`;
  const get = async (path: string, token: string, headers: Record<string, string> = {}) =>
    fetch(`${system.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });

  beforeAll(async () => {
    system = await startTestSystem({ stream: false });
    const doc = toItemDocument({ ...itemsEnrichedTopic.example, id: itemId });
    const index = itemsIndexFor(doc.publishedAt);
    await ensureIndex(es, index);
    await es.index({ index, id: itemId, document: doc, refresh: 'wait_for' });
  });
  afterAll(async () => {
    await system?.stop();
    await es.close();
  });

  it('shows raw evidence only to who may see it, and records every view', async () => {
    const duty = await system.login('duty');
    const requestId = `audit-test-${randomUUID()}`;
    const response = await get(`/api/v1/items/${encodeURIComponent(itemId)}/raw`, duty.token, { 'x-request-id': requestId });
    expect(response.status).toBe(200);
    const item = (await response.json()) as ItemDocument;
    expect(item.text).toBe(itemsEnrichedTopic.example.text);
    expect(item.raw).toEqual(itemsEnrichedTopic.example.raw);

    const admin = await system.login('admin');
    await es.indices.refresh({ index: AUDIT_INDEX_NAME });
    const page = (await (await get(`/api/v1/audit?action=items.raw.view&targetId=${encodeURIComponent(itemId)}`, admin.token)).json()) as AuditPage;
    expect(page.records).toHaveLength(1);
    expect(page.records[0]).toMatchObject({
      actor: { username: 'duty', role: 'duty_officer' },
      target: { type: 'item', id: itemId },
      outcome: 'success',
      correlationId: requestId,
    });
    expect(page.records[0].clientAddress).toMatch(/127\.0\.0\.1$/);

    for (const who of ['leader', 'screen', 'admin']) {
      const { token } = await system.login(who);
      expect((await get(`/api/v1/items/${encodeURIComponent(itemId)}/raw`, token)).status).toBe(403);
    }
    const missing = await get('/api/v1/items/no-such-item/raw', duty.token);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect((await get('/api/v1/audit', duty.token)).status).toBe(403);
  });

  it('lists the trail newest first, filtered and paged by seq', async () => {
    const { token } = await system.login('admin');
    await es.indices.refresh({ index: AUDIT_INDEX_NAME });
    const first = (await (await get('/api/v1/audit?size=2', token)).json()) as AuditPage;
    expect(first.records).toHaveLength(2);
    expect(first.records[0].seq).toBeGreaterThan(first.records[1].seq);
    const next = (await (await get(`/api/v1/audit?size=2&before=${first.nextBefore}`, token)).json()) as AuditPage;
    expect(next.records[0].seq).toBeLessThan(first.records[1].seq);
    const bad = await get('/api/v1/audit?size=0&from=yesterday', token);
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['from', 'size']);
  });

  it('three changes → verify exits 0; an edit, a removal and an insert are each named by seq', async () => {
    const duty = await system.login('duty');
    const records: number[] = [];
    for (let n = 0; n < 3; n += 1) {
      const response = await get(`/api/v1/items/${encodeURIComponent(itemId)}/raw`, duty.token);
      expect(response.status).toBe(200);
    }
    await es.indices.refresh({ index: AUDIT_INDEX_NAME });
    const mine = await es.search<AuditRecord>({
      index: AUDIT_INDEX_NAME,
      size: 3,
      sort: [{ seq: 'desc' }],
      query: { bool: { filter: [{ term: { 'target.id': itemId } }, { term: { 'actor.username': 'duty' } }] } },
    });
    for (const hit of mine.hits.hits) records.push(hit._source!.seq);
    expect(records).toHaveLength(3);

    const whole = await auditVerify(esUrl);
    expect(whole.output).toMatch(/^audit chain whole: \d+ records$/m);
    expect(whole.code).toBe(0);
    const { token } = await system.login('admin');
    expect(((await (await get('/api/v1/audit/verify', token)).json()) as AuditChainVerdict).ok).toBe(true);

    const [newest, middle] = records;
    const id = auditDocumentId(middle);
    const original = (await es.get<AuditRecord>({ index: AUDIT_INDEX_NAME, id }))._source!;

    // Edited in place.
    try {
      await es.index({ index: AUDIT_INDEX_NAME, id, document: { ...original, actor: { username: 'someone-else', role: 'admin' } }, refresh: true });
      const edited = await auditVerify(esUrl);
      expect(edited.code).toBe(1);
      expect(edited.output).toContain(`audit chain broken at seq ${middle}: `);
      expect(edited.output).toContain('edited');
    } finally {
      await es.index({ index: AUDIT_INDEX_NAME, id, document: original, refresh: true });
    }

    // Removed.
    try {
      await es.delete({ index: AUDIT_INDEX_NAME, id, refresh: true });
      const removed = await auditVerify(esUrl);
      expect(removed.code).toBe(1);
      expect(removed.output).toContain(`audit chain broken at seq ${middle}: record ${middle} is missing`);
    } finally {
      await es.index({ index: AUDIT_INDEX_NAME, id, document: original, refresh: true });
    }

    // Inserted beside a real record, under an id of its own.
    const forgedId = `forged-${randomUUID()}`;
    try {
      await es.index({ index: AUDIT_INDEX_NAME, id: forgedId, document: { ...original, detail: 'inserted' }, refresh: true });
      const inserted = await auditVerify(esUrl);
      expect(inserted.code).toBe(1);
      expect(inserted.output).toContain(`audit chain broken at seq ${middle}: `);
    } finally {
      await es.delete({ index: AUDIT_INDEX_NAME, id: forgedId, refresh: true }).catch((error: unknown) => {
        if (!(error instanceof errors.ResponseError && error.meta.statusCode === 404)) throw error;
      });
    }

    const restored = await auditVerify(esUrl);
    expect(restored.code).toBe(0);
    expect(newest).toBeGreaterThan(middle);
  });

  it('exits 2 when Elasticsearch cannot be reached', async () => {
    const run = await auditVerify('http://127.0.0.1:9');
    expect(run.code).toBe(2);
    expect(run.output).toContain('cannot be reached');
  });
});
