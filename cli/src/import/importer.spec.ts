import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { RawItem } from '@liaowang/contract';
import { importFile, type ImportRun } from './importer';
import type { RejectRecord } from './reject-file';

// The import's counting and line numbering, with the stored-id check and Kafka as plain
// functions; the real ones are exercised in e2e/bulk-import.integration-spec.ts.
describe(importFile.name, () => {
  const dir = mkdtempSync(join(tmpdir(), 'import-spec-'));
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const item = (n: number, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ sourceId: `s${n}`, platform: 'weibo', author: { id: `u${n}`, name: '甲' }, text: `第${n}条`, publishedAt: '2026-11-30T10:00:00+08:00', ...extra });

  const run = async (path: string, options: Partial<ImportRun> = {}) => {
    const sent: RawItem[] = [];
    const rejects: RejectRecord[] = [];
    const counts = await importFile({
      path,
      format: path.endsWith('.csv') ? 'csv' : 'jsonl',
      storedIds: async (ids) => new Set(ids.filter((id) => id === 'weibo:s-stored')),
      send: async (_topic, messages) => void sent.push(...messages.map((m) => JSON.parse(m.value) as RawItem)),
      reject: async (record) => void rejects.push(record),
      batchSize: 2,
      ...options,
    });
    return { counts, sent, rejects };
  };

  it('counts every line once, numbers rejects by their line in the file, and sends each id once', async () => {
    const lines = [item(1), '{"broken', item(2, { text: '' }), '', item(1), item(3), JSON.stringify({ sourceId: 's-stored', platform: 'weibo', author: { id: 'u', name: 'n' }, text: 't', publishedAt: '2026-11-30T10:00:00+08:00' })];
    const { counts, sent, rejects } = await run(file('mixed.jsonl', lines.join('\n')));
    expect(counts).toEqual({ accepted: 2, rejected: 2, duplicate: 2 });
    expect(sent.map((i) => i.id)).toEqual(['weibo:s1', 'weibo:s3']);
    expect(rejects.map((r) => [r.line, r.problems.map((p) => p.field)])).toEqual([
      [2, ['line']],
      [3, ['text']],
    ]);
  });

  it('stops at the batch Kafka refused, sends nothing after it, and says what did get in', async () => {
    const path = file('kafka-fails.jsonl', [1, 2, 3, 4, 5, 6].map((n) => item(n)).join('\n'));
    let calls = 0;
    const failing = run(path, {
      send: async () => {
        if (++calls === 2) throw new Error('broker gone');
      },
    });
    await expect(failing).rejects.toMatchObject({ system: 'Kafka', counts: { accepted: 2, rejected: 0, duplicate: 0 } });
    expect(calls).toBe(2);
  });

  it('keeps the payload as read as the evidence of the item', async () => {
    const { sent } = await run(file('raw.jsonl', item(7, { extra: 'kept' })));
    expect(sent[0].raw).toEqual(JSON.parse(item(7, { extra: 'kept' })));
  });

  it('rejects a line whose kind differs from the one asked for, naming kind', async () => {
    const { rejects } = await run(file('kind.jsonl', item(1, { kind: 'comment' })), { kind: 'mention' });
    expect(rejects).toEqual([{ line: 1, lastLine: 1, problems: [{ field: 'kind', reason: 'is comment, but this import is of mention' }] }]);
  });

  it('numbers CSV rejects by the first line of their record, past records with line breaks', async () => {
    const csv = ['sourceId,platform,author.id,author.name,text,publishedAt', 's1,weibo,u1,甲,"两行\n文本",2026-11-30T10:00:00+08:00', 's2,weibo,u2,,缺名字,2026-11-30T10:00:00+08:00', 's3,weibo,u3,丙,"坏"引号,2026-11-30T10:00:00+08:00'].join('\n');
    const { counts, sent, rejects } = await run(file('mixed.csv', csv));
    expect(counts).toEqual({ accepted: 1, rejected: 2, duplicate: 0 });
    expect(sent[0].text).toBe('两行\n文本');
    expect(rejects.map((r) => [r.line, r.problems[0].field])).toEqual([
      [4, 'author.name'],
      [5, 'text'],
    ]);
  });

  it('reads a GBK file as the same items as its UTF-8 original', async () => {
    const text = [item(1), item(2, { text: '网传江城市明天停课' })].join('\n');
    const utf8 = await run(file('utf8.jsonl', text));
    const gbk = await run(file('gbk.jsonl', iconv.encode(text, 'gbk')));
    expect(gbk.sent.map((i) => i.text)).toEqual(utf8.sent.map((i) => i.text));
  });
});

describe('CSV impostor reports', () => {
  it('reads a follower count cell as the number the schema wants, keeping the row as read as evidence', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-spec-'));
    const path = join(dir, 'reports.csv');
    writeFileSync(
      path,
      [
        'sourceId,text,reportedAccount.platform,reportedAccount.displayName,reportedAccount.handle,reportedAccount.followerCount,evidenceUrls.0',
        'r1,冒充官方账号卖课,douyin,江城发布,jc-fabu-2,1200,https://douyin.example/jc-fabu-2',
        'r2,冒充官方账号,douyin,江城发布,jc-fabu-3,很多,',
      ].join('\n'),
    );
    const sent: RawItem[] = [];
    const rejects: RejectRecord[] = [];
    const counts = await importFile({
      path,
      format: 'csv',
      kind: 'impostor_report',
      storedIds: async () => new Set(),
      send: async (_topic, messages) => void sent.push(...messages.map((m) => JSON.parse(m.value) as RawItem)),
      reject: async (record) => void rejects.push(record),
    });
    expect(counts).toEqual({ accepted: 1, rejected: 1, duplicate: 0 });
    expect(sent[0].impostorReport?.reportedAccount.followerCount).toBe(1200);
    expect((sent[0].raw as { reportedAccount: { followerCount: unknown } }).reportedAccount.followerCount).toBe('1200');
    expect(rejects[0]).toMatchObject({ line: 3, problems: [{ field: 'reportedAccount.followerCount' }] });
  });
});
