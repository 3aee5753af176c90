import { ITEM_KINDS, itemsIndex, rawItemFor, rawTopicFor, validateItemIntake, type ItemKind } from '@liaowang/contract';
import { createElasticsearchClient } from '@liaowang/platform';
import { startStream, type StreamRuntime } from '@liaowang/stream';
import iconv from 'iconv-lite';
import { Kafka, logLevel } from 'kafkajs';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from './support/test-system';
import { testSettings } from './support/test-settings';

// R-ING-2 / R-ING-4 / R-REL-3 through the real command on the real Kafka and Elasticsearch: a
// file of good and bad lines, every line accounted for, the good ones searchable, and a second
// run of the same file adds nothing.
const CLI = join(__dirname, '..', 'cli', 'bin', 'liaowang.js');

describe('liaowang import', () => {
  const settings = testSettings({ LOG_LEVEL: 'silent' });
  const es = createElasticsearchClient(settings.ES_URL);
  const admin = new Kafka({ brokers: settings.KAFKA_BROKERS, logLevel: logLevel.NOTHING }).admin();
  const dir = mkdtempSync(join(tmpdir(), 'bulk-import-'));
  const run = randomUUID().slice(0, 8);
  let stream: StreamRuntime;

  beforeAll(async () => {
    stream = await startStream(settings);
    await admin.connect();
  });
  afterAll(async () => {
    await stream?.stop();
    await admin.disconnect();
    await es.close();
  });

  // Not spawnSync: the stream runs in this process and must go on consuming meanwhile.
  const liaowang = (args: string[], env: Record<string, string> = {}) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, ...args], {
        env: { ...process.env, KAFKA_BROKERS: settings.KAFKA_BROKERS.join(','), ES_URL: settings.ES_URL, ...env },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });

  /** The sum of the end offsets of the raw topics: grows by one with each item produced. */
  const rawTopicEnds = async () => {
    let total = 0;
    for (const kind of ITEM_KINDS) for (const p of await admin.fetchTopicOffsets(rawTopicFor(kind).name)) total += Number(p.high);
    return total;
  };

  /** The id the contract gives a payload, to find it in Elasticsearch. */
  const idOf = (kind: ItemKind, payload: unknown) => {
    const valid = validateItemIntake(kind, payload);
    if (!valid.ok) throw new Error(`test payload invalid: ${JSON.stringify(valid.errors)}`);
    return rawItemFor(valid.item, payload).id;
  };

  const storedTexts = async (ids: string[]) => {
    const result = await es.search<{ text: string }>({ index: itemsIndex.alias, size: ids.length, query: { ids: { values: ids } } });
    return new Map(result.hits.hits.map((hit) => [hit._id!, hit._source!.text]));
  };

  const readRejects = (path: string) =>
    readFileSync(path, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { line: number; lastLine?: number; fields: string[]; reason: string });

  const now = new Date().toISOString();
  const mention = (n: number, extra: Record<string, unknown> = {}) => ({
    sourceId: `import-${run}-${n}`,
    platform: 'weibo',
    author: { id: `u-import-${n}`, name: '导入测试' },
    text: `批量导入 ${run} 第${n}条：地铁三号线今天延误`,
    publishedAt: now,
    ...extra,
  });
  const comment = {
    kind: 'comment',
    sourceId: `import-${run}-c1`,
    platform: 'weibo',
    author: { id: 'u-import-c', name: '评论者' },
    text: `批量导入 ${run} 评论：停水通知什么时候发的？`,
    publishedAt: now,
    account: { id: 'jiangcheng-fabu', name: '江城发布' },
    post: { id: `post-${run}` },
  };

  it('accounts for every line of a mixed JSONL file, stores the good ones, and a second run adds nothing', async () => {
    const lines: string[] = [
      JSON.stringify(mention(1)),
      JSON.stringify(comment),
      JSON.stringify(mention(3, { author: 'not an object' })), // 3: wrong type
      JSON.stringify({ ...mention(4), text: undefined }), // 4: missing field
      JSON.stringify(mention(5, { text: '长'.repeat(20_001) })), // 5: oversized text
      JSON.stringify(mention(6, { text: `控制\u0000字符\u0007与孤立代理\ud800 ${run}` })), // 6: cleaned, accepted
      JSON.stringify(mention(7, { text: '\u0000\u0001\u0002' })), // 7: nothing left once cleaned
      '{"sourceId": "broken", "text": ', // 8: invalid JSON
      JSON.stringify(mention(1)), // 9: the same item again
      JSON.stringify(mention(10, { url: 'javascript:alert(1)' })), // 10: not an http(s) URL
      JSON.stringify({ ...mention(11), sourceId: undefined }), // 11: no source id: the identity rule's hash
    ];
    const file = join(dir, 'mixed.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const before = await rawTopicEnds();

    const first = await liaowang(['import', file]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('accepted 4, rejected 6, duplicate 1\n');
    expect(await rawTopicEnds()).toBe(before + 4);

    const rejects = readRejects(`${file}.rejects.jsonl`);
    expect(rejects.map((r) => [r.line, r.fields])).toEqual([
      [3, ['author']],
      [4, ['text']],
      [5, ['text']],
      [7, ['text']],
      [8, ['line']],
      [10, ['url']],
    ]);
    for (const reject of rejects) expect(reject.reason).toContain(`${reject.fields[0]}: `);
    expect(rejects[4].reason).toMatch(/^line: invalid JSON/);

    const ids = [idOf('mention', mention(1)), idOf('comment', comment), idOf('mention', mention(6)), idOf('mention', { ...mention(11), sourceId: undefined })];
    const texts = await eventually(async () => {
      const found = await storedTexts(ids);
      return found.size === ids.length ? found : undefined;
    }, 90_000, 'the imported items in Elasticsearch');
    expect(texts.get(ids[2])).toBe(`控制字符与孤立代理\ufffd ${run}`);

    const second = await liaowang(['import', file]);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe('accepted 0, rejected 6, duplicate 5\n');
    expect(await rawTopicEnds()).toBe(before + 4);
    expect(readRejects(`${file}.rejects.jsonl`)).toEqual(rejects);
  });

  it('imports a GBK-encoded CSV with quoted fields and line breaks in them, refusing the records with broken quoting by their lines', async () => {
    const rows = [
      'sourceId,platform,author.id,author.name,text,publishedAt',
      `gbk-${run}-1,weibo,u-gbk-1,"江城观察,老李","网传${run}明天停课，\n第二行也是正文",${now}`,
      `gbk-${run}-2,weibo,u-gbk-2,晴天小雨,"坏"引号${run},${now}`,
      `gbk-${run}-3,weibo,u-gbk-3,多一列,正文,${now},多余`,
      `gbk-${run}-4,weibo,u-gbk-4,路过的风,"他说""真的吗""${run}",${now}`,
      `gbk-${run}-5,weibo,u-gbk-5,一杯清茶,"没有闭合的引号${run},${now}`,
    ];
    const file = join(dir, 'export.csv');
    writeFileSync(file, iconv.encode(`${rows.join('\r\n')}\r\n`, 'gbk'));
    const rejectsPath = join(dir, 'csv-rejects.jsonl');

    const result = await liaowang(['import', file, '--rejects', rejectsPath]);
    expect(result.stderr).toContain('reads as GBK');
    expect(result.stdout).toBe('accepted 2, rejected 3, duplicate 0\n');
    expect(readRejects(rejectsPath).map((r) => [r.line, r.lastLine, r.fields])).toEqual([
      [4, undefined, ['text']],
      [5, undefined, ['record']],
      [7, undefined, ['record']],
    ]);

    const payload = (n: number, name: string, text: string) => ({ sourceId: `gbk-${run}-${n}`, platform: 'weibo', author: { id: `u-gbk-${n}`, name }, text, publishedAt: now });
    const ids = [idOf('mention', payload(1, '江城观察,老李', `网传${run}明天停课，\n第二行也是正文`)), idOf('mention', payload(4, '路过的风', `他说"真的吗"${run}`))];
    const texts = await eventually(async () => {
      const found = await storedTexts(ids);
      return found.size === ids.length ? found : undefined;
    }, 90_000, 'the CSV items in Elasticsearch');
    expect([...texts.values()].sort()).toEqual([`他说"真的吗"${run}`, `网传${run}明天停课，\n第二行也是正文`].sort());
  });

  it('keeps every line of a file of several blocks in order, each checked by one of the reading threads', async () => {
    const bad = new Set([5, 1500, 2999]);
    const lines = Array.from({ length: 3_000 }, (_, i) => i + 1).map((n) =>
      bad.has(n) ? '{"broken": ' : n === 2500 ? JSON.stringify(mention(1_000_001)) : JSON.stringify(mention(1_000_000 + n)),
    );
    const file = join(dir, 'blocks.jsonl');
    writeFileSync(file, lines.join('\n'));
    const before = await rawTopicEnds();

    const result = await liaowang(['import', file]);
    expect(result.stdout).toBe('accepted 2996, rejected 3, duplicate 1\n');
    expect(readRejects(`${file}.rejects.jsonl`).map((r) => r.line)).toEqual([5, 1500, 2999]);
    expect(await rawTopicEnds()).toBe(before + 2996);
  });

  it('exits 1 when nothing could be imported, and 2 when Kafka cannot be reached', async () => {
    const file = join(dir, 'all-bad.jsonl');
    writeFileSync(file, 'not json\n{"text": 1}\n');
    const bad = await liaowang(['import', file]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('accepted 0, rejected 2, duplicate 0\n');

    const down = await liaowang(['import', file], { KAFKA_BROKERS: '127.0.0.1:1' });
    expect(down.code).toBe(2);
    expect(down.stderr).toContain('Kafka at 127.0.0.1:1 cannot be reached');
    expect(down.stdout).toBe('');
  });
});
