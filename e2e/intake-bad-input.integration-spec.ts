import { itemsIndex, type ItemDocument, type Problem } from '@liaowang/contract';
import { createElasticsearchClient } from '@liaowang/platform';
import { randomUUID } from 'node:crypto';
import { deadLettersSoFar } from './support/dead-letters';
import { eventually, startTestSystem, type TestSystem } from './support/test-system';

// R-REL-3: valid and malformed payloads mixed, through HTTP. Each is accepted (and then found
// in Elasticsearch or on the dead-letter topic) or rejected with a 4xx naming what is wrong:
// accepted + rejected + dead-lettered accounts for every payload sent; nothing is a 5xx.
describe('intake with a mix of valid and malformed payloads', () => {
  let system: TestSystem;
  let es: ReturnType<typeof createElasticsearchClient>;

  beforeAll(async () => {
    system = await startTestSystem();
    es = createElasticsearchClient(system.settings.ES_URL);
  });
  afterAll(async () => {
    await system?.stop();
    await es?.close();
  });

  const run = randomUUID().slice(0, 8);
  const thread = `bad-input-${run}`;
  const mention = (n: number) => ({
    platform: 'weibo',
    author: { id: `u-mix-${n}`, name: '混合测试' },
    text: `混合${run} 第${n}条 地铁三号线延误`,
    publishedAt: new Date().toISOString(),
    threadId: thread,
  });
  const comment = (n: number) => ({ ...mention(n), account: { id: 'jc', name: '江城发布' }, post: { id: `p-${run}` } });
  const report = (n: number) => ({
    text: `混合${run} 第${n}条 冒充江城发布`,
    reportedAccount: { platform: 'douyin', displayName: '江城发布', handle: `fake-${run}-${n}` },
    threadId: thread,
  });

  /** Path, raw body, and for a rejection the field the problem must name (or its status). */
  type Case = { name: string; path: string; body: string; expect: 'accepted' | { status: number; field?: string } };
  const json = JSON.stringify;
  const cases: Case[] = [
    { name: 'valid mention', path: 'mentions', body: json(mention(1)), expect: 'accepted' },
    { name: 'valid comment', path: 'comments', body: json(comment(2)), expect: 'accepted' },
    { name: 'valid impostor report', path: 'impostor-reports', body: json(report(3)), expect: 'accepted' },
    { name: 'control characters, cleaned', path: 'mentions', body: json({ ...mention(4), text: `${mention(4).text}\u0000\u0007\u202e` }), expect: 'accepted' },
    { name: 'lone surrogates, replaced', path: 'mentions', body: json({ ...mention(5), text: `${mention(5).text}\ud800x\udfff`, author: { id: 'u-mix-5', name: '\udc00名' } }), expect: 'accepted' },
    { name: 'invalid UTF-8 bytes', path: 'mentions', body: Buffer.concat([Buffer.from(json(mention(6)).slice(0, -2)), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]).toString('latin1'), expect: 'accepted' },
    { name: 'wrong types', path: 'mentions', body: json({ ...mention(7), text: 42, author: { id: 7, name: '混合' } }), expect: { status: 400, field: 'text' } },
    { name: 'missing fields', path: 'comments', body: json({ platform: 'weibo', text: '缺字段' }), expect: { status: 400, field: 'author' } },
    { name: 'oversized text', path: 'mentions', body: json({ ...mention(9), text: '长'.repeat(20_001) }), expect: { status: 400, field: 'text' } },
    { name: 'only control characters', path: 'mentions', body: json({ ...mention(10), text: '\u0000\u0001\u0002' }), expect: { status: 400, field: 'text' } },
    { name: 'javascript: link', path: 'impostor-reports', body: json({ ...report(11), evidenceUrls: ['javascript:alert(1)'] }), expect: { status: 400, field: 'evidenceUrls.0' } },
    { name: 'year 9999', path: 'mentions', body: json({ ...mention(12), publishedAt: '9999-12-31T00:00:00Z' }), expect: { status: 400, field: 'publishedAt' } },
    { name: 'invalid JSON', path: 'comments', body: '{"platform": "weibo", ', expect: { status: 400 } },
    { name: 'a bare string', path: 'impostor-reports', body: '"举报"', expect: { status: 400 } },
    { name: 'an array', path: 'impostor-reports', body: '["举报"]', expect: { status: 400, field: 'body' } },
    { name: 'body over 1 MB', path: 'mentions', body: json({ ...mention(15), raw: 'x'.repeat(1_100_000) }), expect: { status: 413 } },
  ];

  it('accounts for every payload: accepted (stored or dead-lettered) + rejected = sent', async () => {
    const accepted: { name: string; id: string }[] = [];
    let rejected = 0;
    for (const c of cases) {
      const response = await fetch(`${system.intakeUrl}/api/v1/intake/${c.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-intake-key': system.intakeKey },
        body: c.name === 'invalid UTF-8 bytes' ? Buffer.from(c.body, 'latin1') : c.body,
      });
      const answer = (await response.json()) as Problem & { id?: string };
      if (c.expect === 'accepted') {
        expect([c.name, response.status]).toEqual([c.name, 202]);
        accepted.push({ name: c.name, id: answer.id! });
      } else {
        expect([c.name, response.status]).toEqual([c.name, c.expect.status]);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        if (c.expect.field) expect([c.name, answer.errors?.map((e) => e.field)]).toEqual([c.name, expect.arrayContaining([c.expect.field])]);
        rejected++;
      }
    }

    const ids = accepted.map((a) => a.id);
    const stored = await eventually(async () => {
      await es.indices.refresh({ index: itemsIndex.alias });
      const found = await es.search<ItemDocument>({ index: itemsIndex.alias, query: { ids: { values: ids } }, size: ids.length });
      return found.hits.hits.length === ids.length ? found.hits.hits.map((h) => h._source!) : undefined;
    }, 60_000, 'accepted items in Elasticsearch');
    // What intake accepted is valid on the topic: none of it is dead-lettered.
    const deadLettered = await deadLettersSoFar(system.settings.KAFKA_BROKERS, thread);
    expect(stored.length + deadLettered.length + rejected).toBe(cases.length);

    const cleaned = stored.find((d) => d.id === accepted.find((a) => a.name === 'control characters, cleaned')!.id)!;
    expect(cleaned.text).toBe(mention(4).text);
    expect((cleaned.raw as { text: string }).text).toBe(`${mention(4).text}\u0000\u0007\u202e`);
    const surrogates = stored.find((d) => d.id === accepted.find((a) => a.name === 'lone surrogates, replaced')!.id)!;
    expect(surrogates.text).toBe(`${mention(5).text}\ufffdx\ufffd`);
    expect(surrogates.author.name).toBe('\ufffd名');
  });
});
