import { createIntakeApp } from '@liaowang/intake';
import { commentsRawTopic, itemsIndex, type IntakeAccepted, type ItemDocument } from '@liaowang/contract';
import { createElasticsearchClient, createLogger, KafkaPort } from '@liaowang/platform';
import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { eventually, startTestSystem, type TestSystem } from './support/test-system';

// R-ING-1, R-ING-4: every kind through its push endpoint into Elasticsearch, each item once.
describe('item intake: three kinds over HTTP → per-kind topics → Elasticsearch, deduplicated', () => {
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

  const push = async (path: string, body: unknown, intakeUrl = system.intakeUrl) => {
    const response = await fetch(`${intakeUrl}/api/v1/intake/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-intake-key': system.intakeKey },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as IntakeAccepted & { errors?: { field: string }[] } };
  };

  const stored = (id: string) =>
    eventually(async () => {
      const result = await es.search<ItemDocument>({ index: itemsIndex.alias, query: { ids: { values: [id] } } });
      return result.hits.hits[0]?._source;
    }, 60_000, `item ${id} in Elasticsearch`);

  const countOf = async (marker: string) => {
    await es.indices.refresh({ index: itemsIndex.alias });
    return (await es.count({ index: itemsIndex.alias, query: { match_phrase: { text: marker } } })).count;
  };

  const mention = (marker: string, authorId = 'u-kinds') => ({
    platform: 'weibo',
    author: { id: authorId, name: '江城观察' },
    text: `网传江城市明天停水，${marker}`,
    publishedAt: new Date().toISOString(),
  });

  it('stores a mention, a comment and an impostor report, each with its own fields and the payload as evidence', async () => {
    const marker = `种类${randomUUID().slice(0, 8)}`;
    const comment = {
      ...mention(marker, 'u-comment'),
      sourceId: randomUUID(),
      text: `停水通知什么时候发的？${marker}`,
      account: { id: 'jiangcheng-fabu', name: '江城发布' },
      post: { id: `post-${marker}`, title: '关于临时停水的通知' },
      inReplyTo: 'c-1',
    };
    const report = {
      text: `这个号冒充江城发布卖课，${marker}`,
      reportedAccount: { platform: 'douyin', displayName: '江城发布', handle: `fake-${marker}`, followerCount: 1520 },
      reporter: { name: '王先生', contact: '13812345678' },
      evidenceUrls: ['https://douyin.example/video/1'],
    };
    const answers = [await push('mentions', mention(marker)), await push('comments', comment), await push('impostor-reports', report)];
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
    expect(answers.map((a) => a.body.duplicate)).toEqual([false, false, false]);

    const [m, c, r] = await Promise.all(answers.map((a) => stored(a.body.id)));
    expect(m.kind).toBe('mention');
    expect(c).toMatchObject({ kind: 'comment', threadId: `weibo:post:post-${marker}`, comment: { account: { id: 'jiangcheng-fabu' }, post: { id: `post-${marker}` }, inReplyTo: 'c-1' } });
    expect(c.raw).toEqual(comment);
    expect(r).toMatchObject({ kind: 'impostor_report', platform: 'douyin', threadId: `douyin:account:fake-${marker}`, impostorReport: { reportedAccount: { handle: `fake-${marker}`, followerCount: 1520 } } });
    expect(r.author.id).not.toContain('13812345678');
    expect(r.raw).toEqual(report);
  });

  it('still takes the first push payload, kind optional, at /intake/mentions', async () => {
    const marker = `旧格式${randomUUID().slice(0, 8)}`;
    const { status, body } = await push('mentions', { ...mention(marker), kind: 'comment' });
    expect(status).toBe(202);
    expect((await stored(body.id)).kind).toBe('comment');
  });

  it('stores an item received twice once and counts the second as a duplicate; the same text by two authors is two items', async () => {
    const marker = `去重${randomUUID().slice(0, 8)}`;
    const body = mention(marker, 'u-first');
    const first = await push('mentions', body);
    const again = await push('mentions', { ...body, text: ` ${body.text}  ` });
    expect(first.body.duplicate).toBe(false);
    expect(again.body).toEqual({ id: first.body.id, duplicate: true });

    const other = await push('mentions', { ...body, author: { id: 'u-second', name: '另一个人' } });
    expect(other.body.duplicate).toBe(false);
    expect(other.body.id).not.toBe(first.body.id);
    await stored(first.body.id);
    await stored(other.body.id);

    // A second intake instance has not seen it: it learns from what is stored (a re-import).
    const otherIntake: INestApplication = await createIntakeApp(system.settings);
    await otherIntake.listen(0, '127.0.0.1');
    try {
      const url = `http://127.0.0.1:${(otherIntake.getHttpServer().address() as AddressInfo).port}`;
      expect((await push('mentions', body, url)).body).toEqual({ id: first.body.id, duplicate: true });
    } finally {
      await otherIntake.close();
    }
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await countOf(marker)).toBe(2);
  });

  it('takes a batch of one kind: writes the valid items, answers each in order, counts duplicates and refusals', async () => {
    const marker = `批量${randomUUID().slice(0, 8)}`;
    const comment = (n: number) => ({ ...mention(`${marker} ${n}`, `u-batch-${n}`), account: { id: 'jc', name: '江城发布' }, post: { id: `p-${marker}` } });
    const response = await fetch(`${system.intakeUrl}/api/v1/intake/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-intake-key': system.intakeKey },
      body: JSON.stringify({ kind: 'comment', items: [comment(1), { ...comment(2), post: undefined }, comment(3), comment(1)] }),
    });
    expect(response.status).toBe(202);
    const batch = (await response.json()) as { accepted: number; duplicate: number; rejected: number; results: ({ id: string; duplicate: boolean } | { errors: { field: string }[] })[] };
    expect([batch.accepted, batch.duplicate, batch.rejected]).toEqual([2, 1, 1]);
    const [first, refused, third, again] = batch.results as [{ id: string; duplicate: boolean }, { errors: { field: string }[] }, { id: string }, { id: string; duplicate: boolean }];
    expect(refused.errors.map((e) => e.field)).toEqual(['post']);
    expect(again).toEqual({ id: first.id, duplicate: true });
    expect((await stored(first.id)).kind).toBe('comment');
    await stored(third.id);

    const allBad = await push('batch', { kind: 'mention', items: [{ text: 1 }] });
    expect(allBad.status).toBe(400);
    expect(allBad.body.errors!.map((e) => e.field)).toContain('items.0.text');
  });

  it('names the failing fields of a payload of a kind', async () => {
    const { status, body } = await push('comments', { ...mention('x'), post: { id: 'p' } });
    expect(status).toBe(400);
    expect(body.errors!.map((e) => e.field)).toEqual(['account']);
    const report = await push('impostor-reports', { text: 'x', reportedAccount: { platform: 'douyin', displayName: 'a', url: 'javascript:alert(1)' } });
    expect(report.status).toBe(400);
    expect(report.body.errors!.map((e) => e.field)).toEqual(['reportedAccount.url']);
  });

  const metricOf = async (kind: string, outcome: string) => {
    const metrics = await (await fetch(`${system.intakeUrl}/metrics`)).text();
    return Number(new RegExp(`liaowang_intake_items_total\\{[^}]*kind="${kind}"[^}]*outcome="${outcome}"[^}]*\\} (\\d+)`).exec(metrics)?.[1] ?? 0);
  };

  it('counts on /metrics what the stream dead-lettered from a raw topic, by kind', async () => {
    const kafka = new KafkaPort(system.settings.KAFKA_BROKERS, 'metrics-test', createLogger('test', 'silent'));
    try {
      const before = await metricOf('comment', 'dead_lettered');
      // Until intake's reader has joined its group, a letter may come before it: send until counted.
      let counted = false;
      for (let attempt = 0; attempt < 12 && !counted; attempt++) {
        await kafka.sendRaw(commentsRawTopic.name, [{ key: `dlq-metric-${randomUUID()}`, value: '{"kind": "comment", ' }]);
        counted = await eventually(async () => ((await metricOf('comment', 'dead_lettered')) > before ? true : undefined), 5_000).catch(() => false);
      }
      expect(counted).toBe(true);
    } finally {
      await kafka.disconnect();
    }
  });

  it('counts accepted, duplicate and rejected items per kind and topic on /metrics', async () => {
    const metrics = await (await fetch(`${system.intakeUrl}/metrics`)).text();
    const value = (kind: string, outcome: string) =>
      Number(new RegExp(`liaowang_intake_items_total\\{[^}]*kind="${kind}"[^}]*outcome="${outcome}"[^}]*\\} (\\d+)`).exec(metrics)?.[1] ?? 0);
    expect(value('mention', 'accepted')).toBeGreaterThanOrEqual(3);
    expect(value('mention', 'duplicate')).toBeGreaterThanOrEqual(1);
    expect(value('comment', 'accepted')).toBeGreaterThanOrEqual(2);
    expect(value('comment', 'rejected')).toBeGreaterThanOrEqual(1);
    expect(value('impostor_report', 'accepted')).toBeGreaterThanOrEqual(1);
    expect(value('impostor_report', 'rejected')).toBeGreaterThanOrEqual(1);
    expect(metrics).toMatch(/liaowang_intake_items_total\{[^}]*topic="liaowang\.items\.raw\.comment\.v1"/);
  });
});
