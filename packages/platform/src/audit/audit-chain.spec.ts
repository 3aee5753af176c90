import { AUDIT_GENESIS_HASH, auditDocumentId, type AuditEntry, type AuditRecord } from '@liaowang/contract';
import { AuditChainChecker, auditRecordHash, EMPTY_AUDIT_HEAD, sealAuditRecord } from './audit-chain';

const entry = (n: number): AuditEntry => ({
  actor: { username: `user${n}`, role: 'admin' },
  action: 'users.create',
  target: { type: 'user', id: `u${n}` },
  after: { role: 'duty_officer', nested: { b: 2, a: 1 } },
  outcome: 'success',
});

function chain(length: number): AuditRecord[] {
  const records: AuditRecord[] = [];
  let head = EMPTY_AUDIT_HEAD;
  for (let n = 1; n <= length; n += 1) {
    const record = sealAuditRecord(entry(n), head, `2026-12-01T08:00:0${n % 10}Z`);
    records.push(record);
    head = { seq: record.seq, hash: record.hash };
  }
  return records;
}

function check(records: AuditRecord[], ids?: string[]) {
  const checker = new AuditChainChecker();
  records.forEach((record, i) => checker.push(record, ids?.[i] ?? auditDocumentId(record.seq)));
  return { records: checker.records, ...checker.break };
}

describe(AuditChainChecker.name, () => {
  it('seals records 1, 2, 3 linked to each other and to 64 zeros', () => {
    const records = chain(3);
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(records[0].prevHash).toBe(AUDIT_GENESIS_HASH);
    expect(records[2].prevHash).toBe(records[1].hash);
    expect(records[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(check(records)).toEqual({ records: 3 });
  });

  it('hashes the same record the same whatever the key order or undefined keys (canonical JSON)', () => {
    const [record] = chain(1);
    // The same keys in another order: hash first, the nested object's keys reversed.
    const { hash, ...rest } = record;
    const reordered = JSON.parse(JSON.stringify({ hash, ...rest, after: { nested: { a: 1, b: 2 }, role: 'duty_officer' } }));
    expect(auditRecordHash(reordered)).toBe(record.hash);
    expect(auditRecordHash({ ...record, detail: undefined })).toBe(record.hash);
    expect(auditRecordHash({ ...record, detail: '' })).not.toBe(record.hash);
  });

  it('names an edited record', () => {
    const records = chain(4);
    records[2] = { ...records[2], actor: { username: 'someone-else', role: 'admin' } };
    expect(check(records)).toMatchObject({ records: 2, firstBrokenSeq: 3, tamper: 'edited' });
  });

  it('names an edit of a stored-only field too (before/after)', () => {
    const records = chain(2);
    records[0] = { ...records[0], after: { role: 'admin', nested: { b: 2, a: 1 } } };
    expect(check(records)).toMatchObject({ firstBrokenSeq: 1, tamper: 'edited' });
  });

  it('names the record after one that was rewritten with a fresh hash (its link breaks)', () => {
    const records = chain(4);
    const forged = { ...records[1], outcome: 'failure' as const };
    records[1] = { ...forged, hash: auditRecordHash(forged) };
    expect(check(records)).toMatchObject({ records: 2, firstBrokenSeq: 3, tamper: 'relinked' });
  });

  it('names the first removed record', () => {
    const records = chain(5);
    records.splice(1, 2);
    expect(check(records)).toMatchObject({ records: 1, firstBrokenSeq: 2, tamper: 'removed' });
    expect(check(chain(3).slice(1))).toMatchObject({ records: 0, firstBrokenSeq: 1, tamper: 'removed' });
  });

  it('names a second record with a sequence number already taken', () => {
    const records = chain(3);
    const extra = { ...records[1], detail: 'inserted' };
    records.splice(2, 0, { ...extra, hash: auditRecordHash(extra) });
    expect(check(records)).toMatchObject({
      firstBrokenSeq: 2,
      tamper: 'inserted',
    });
  });

  it('names a record whose document id is not its sequence number', () => {
    const records = chain(2);
    expect(check(records, [auditDocumentId(1), 'x'])).toMatchObject({ firstBrokenSeq: 2, tamper: 'inserted' });
  });

  it('names a record inserted at the end with a made-up link', () => {
    const records = chain(2);
    const unsealed = { ...entry(9), seq: 3, prevHash: 'f'.repeat(64), at: '2026-12-01T09:00:00Z' };
    records.push({ ...unsealed, hash: auditRecordHash(unsealed) });
    expect(check(records)).toMatchObject({ records: 2, firstBrokenSeq: 3, tamper: 'relinked' });
  });

  it('stops at the first break', () => {
    const records = chain(5);
    records[1] = { ...records[1], detail: 'x' };
    records[3] = { ...records[3], detail: 'y' };
    expect(check(records)).toMatchObject({ firstBrokenSeq: 2 });
  });
});
