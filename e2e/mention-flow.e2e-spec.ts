import type { ItemSearchResponse } from '@liaowang/contract';
import { randomUUID } from 'node:crypto';
import { eventually, startTestSystem, type TestSystem } from './support/test-system';

describe('mention flow: HTTP intake → Kafka → enrich → Elasticsearch → search API', () => {
  let system: TestSystem;
  let token: string;

  beforeAll(async () => {
    system = await startTestSystem();
    token = (await system.login('duty')).token;
  });
  afterAll(() => system?.stop());

  const post = (body: unknown) =>
    fetch(`${system.intakeUrl}/api/v1/intake/mentions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-intake-key': system.intakeKey },
      body: JSON.stringify(body),
    });

  const search = async (q: string) => {
    const response = await fetch(`${system.apiUrl}/api/v1/items?q=${encodeURIComponent(q)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as ItemSearchResponse;
  };

  it('finds a posted mention, enriched and with personal data masked', async () => {
    const marker = `测试标记${randomUUID().slice(0, 8)}`;
    const response = await post({
      sourceId: randomUUID(),
      platform: 'weibo',
      author: { id: 'u-e2e', name: '端到端测试' },
      text: `网传江城市明天全部停课，${marker}，有事请打13812345678，紧急扩散！`,
      publishedAt: new Date().toISOString(),
      region: '湖北',
    });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };

    const found = await eventually(async () => (await search(marker)).items.find((i) => i.id === id), 60_000, 'indexed item');
    expect(found.text).toContain(marker);
    expect(found.text).not.toContain('13812345678');
    expect(['negative', 'neutral', 'positive']).toContain(found.sentiment.label);
    expect(found.rumorScore).toBeGreaterThan(0);
    expect(found.highlight).toContain(`<em>`);
  });

  it('stores the same source post once when it is received twice (R-ING-4)', async () => {
    const marker = `重复标记${randomUUID().slice(0, 8)}`;
    const body = {
      sourceId: randomUUID(),
      platform: 'douyin',
      author: { id: 'u-dup', name: '重复' },
      text: `${marker} 地铁三号线今天延误`,
      publishedAt: new Date().toISOString(),
    };
    const first = (await (await post(body)).json()) as { id: string };
    const second = (await (await post(body)).json()) as { id: string };
    expect(second.id).toBe(first.id);
    await eventually(async () => ((await search(marker)).total > 0 ? true : undefined), 60_000, 'indexed item');
    // Let the second copy pass through the pipeline too before counting.
    await new Promise((r) => setTimeout(r, 3_000));
    expect((await search(marker)).total).toBe(1);
  });
});
