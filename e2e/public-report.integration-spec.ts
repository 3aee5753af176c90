import { itemsIndex, type ItemDocument, type Problem, type PublicReportReceipt } from '@liaowang/contract';
import { createElasticsearchClient } from '@liaowang/platform';
import { randomUUID } from 'node:crypto';
import { eventually, startTestSystem, type TestSystem } from './support/test-system';

// R-ING-2: the route behind the public report page — no sign-in, bounded, a receipt number.
describe('public reports: anyone files a rumor or an impostor account and keeps a receipt', () => {
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

  const file = async (body: unknown) => {
    const response = await fetch(`${system.apiUrl}/api/v1/public/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as PublicReportReceipt & Problem };
  };
  const stored = (id: string) =>
    eventually(async () => (await es.search<ItemDocument>({ index: itemsIndex.alias, query: { ids: { values: [id] } } })).hits.hits[0]?._source, 60_000, id);
  const marker = `举报${randomUUID().slice(0, 8)}`;

  it('files a rumor and an impostor report without signing in; a hidden field filled in stores nothing', async () => {
    const rumor = await file({ kind: 'rumor', text: `网传江城一中明天停课，${marker}`, platform: 'weibo', reporter: { contact: '13812345678' } });
    expect(rumor.status).toBe(202);
    expect(rumor.body.receipt).toMatch(/^JB\d{8}-[2-9A-Z]{6}$/);
    const impostor = await file({ kind: 'impostor', text: `冒充江城发布卖课，${marker}`, reportedAccount: { platform: 'douyin', displayName: '江城发布', handle: `fake-${marker}` } });
    expect(impostor.status).toBe(202);
    const bot = await file({ kind: 'rumor', text: `机器人${marker}`, website: 'http://spam.example' });
    expect(bot.status).toBe(202);
    expect(bot.body.receipt).toMatch(/^JB/);

    const mention = await stored(`weibo:${rumor.body.receipt}`);
    expect(mention).toMatchObject({ kind: 'mention', platform: 'weibo' });
    expect(mention.author.id).not.toContain('13812345678');
    expect(await stored(`douyin:impostor_report:${impostor.body.receipt}`)).toMatchObject({ kind: 'impostor_report' });
    await new Promise((r) => setTimeout(r, 2_000));
    await es.indices.refresh({ index: itemsIndex.alias });
    expect((await es.count({ index: itemsIndex.alias, query: { match_phrase: { text: `机器人${marker}` } } })).count).toBe(0);
  });

  it('names the failing fields and refuses an oversized report', async () => {
    const invalid = await file({ kind: 'impostor', text: '', reportedAccount: { platform: 'douyin' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors!.map((e) => e.field)).toEqual(expect.arrayContaining(['text', 'reportedAccount.displayName']));
    const large = await file({ kind: 'rumor', text: 'x', reporter: { name: 'a' }, padding: 'x'.repeat(40_000) });
    expect(large.status).toBe(413);
  });

  it('answers 429 with Retry-After once one address filed too many', async () => {
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 12; i++) {
      last = await file({ kind: 'rumor', text: `限流${marker} ${i}`, website: 'x' });
      statuses.push(last.status);
    }
    expect(statuses.slice(-1)).toEqual([429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last!.headers.get('content-type')).toContain('application/problem+json');
  });
});
