import { auditDocumentId, auditIndex, type AuditEntry, type AuditRecord } from '@liaowang/contract';
import { randomUUID } from 'node:crypto';
import { createElasticsearchClient } from '../elasticsearch/elasticsearch.port';
import { createLogger } from '../logging/logger';
import { AuditTrail } from './audit-trail';
import { verifyAuditChain } from './verify-audit-chain';

const entry = (writer: string, n: number): AuditEntry => ({
  actor: { username: writer, role: 'system' },
  action: 'test.append',
  target: { type: 'test', id: `${writer}-${n}` },
  outcome: 'success',
});

describe(AuditTrail.name, () => {
  const es = createElasticsearchClient(process.env.ES_URL ?? 'http://127.0.0.1:9200');
  const logger = createLogger('test', 'silent');
  // An index of its own, with the audit mapping, so the shared trail is left alone.
  const index = `liaowang-audit-test-${randomUUID()}`;

  beforeAll(async () => {
    await es.indices.create({ index, settings: auditIndex.settings, mappings: auditIndex.mappings as never });
  });
  afterAll(async () => {
    await es.indices.delete({ index, ignore_unavailable: true });
    await es.close();
  });

  it('two instances appending at once make one gap-free chain that verifies', async () => {
    const first = new AuditTrail(es, logger, index);
    const second = new AuditTrail(es, logger, index);
    const appended = await Promise.all(
      Array.from({ length: 20 }, (_, n) => [first.append(entry('a', n)), second.append(entry('b', n))]).flat(),
    );
    const seqs = appended.map((r) => r.seq).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, n) => n + 1));

    const verdict = await verifyAuditChain(es, index);
    expect(verdict).toEqual({ ok: true, records: 40 });

    // A third instance starting now finds the head and goes on from it.
    const later = await new AuditTrail(es, logger, index).append(entry('c', 0));
    expect(later.seq).toBe(41);
    expect(later.prevHash).toBe(appended.find((r) => r.seq === 40)?.hash);
    expect(await verifyAuditChain(es, index)).toEqual({ ok: true, records: 41 });
  });

  it('keeps each record as appended, readable by its padded seq', async () => {
    const trail = new AuditTrail(es, logger, index);
    const record = await trail.append({ ...entry('d', 1), before: { a: 1 }, after: { a: 2 }, correlationId: 'c-12345678' });
    const stored = await es.get<AuditRecord>({ index, id: String(record.seq).padStart(19, '0') });
    expect(stored._source).toEqual(record);
  });

  it('an instance that lived through a restore of an older chain links to the restored head', async () => {
    const own = `liaowang-audit-test-${randomUUID()}`;
    await es.indices.create({ index: own, settings: auditIndex.settings, mappings: auditIndex.mappings as never });
    try {
      const trail = new AuditTrail(es, logger, own);
      const kept = await trail.append(entry('e', 1));
      await trail.append(entry('e', 2));
      await trail.append(entry('e', 3));
      // What a restore of a snapshot taken after the first record leaves behind.
      for (const seq of [2, 3]) await es.delete({ index: own, id: auditDocumentId(seq), refresh: true });

      const next = await trail.append(entry('e', 4));
      expect(next.seq).toBe(2);
      expect(next.prevHash).toBe(kept.hash);
      expect(await verifyAuditChain(es, own)).toEqual({ ok: true, records: 2 });
    } finally {
      await es.indices.delete({ index: own, ignore_unavailable: true });
    }
  });
});
