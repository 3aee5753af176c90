import { z } from 'zod';
import { fastParser, fastSafeParse, NOT_FAST } from './fast-parse';
import { enrichedItemSchema } from './enriched-item';
import { ITEM_KINDS, mentionIntakeSchema, rawItemSchema } from './item';
import { ITEM_INTAKE_SCHEMAS } from './item-intake';

const mention = {
  sourceId: 'sim-1-1',
  kind: 'mention',
  platform: 'weibo',
  author: { id: 'u1', name: '江城观察' },
  text: '网传明天停课，大家注意',
  url: 'https://weibo.example/1',
  publishedAt: '2026-11-23T09:30:00+08:00',
  region: '上海',
};
const comment = { ...mention, kind: 'comment', account: { id: 'jc', name: '江城发布' }, post: { id: 'p1', url: 'https://weibo.example/p1', title: '通知' }, inReplyTo: 'c0' };
const report = {
  kind: 'impostor_report',
  text: '冒充官方',
  reportedAccount: { platform: 'douyin', displayName: '江城发布', handle: 'jc_fake', url: 'https://douyin.example/u/1', avatarUrl: 'https://douyin.example/a.png', bio: '官方', followerCount: 12 },
  reporter: { name: '张三', contact: '13812345678' },
  evidenceUrls: ['https://douyin.example/e/1'],
};
const BASES = { mention, comment, impostor_report: report };

// Values a field is set to: right and wrong types, what the cleaning removes or replaces, limits, bad links and times.
const VALUES: unknown[] = [
  undefined, null, 0, -1, 1.5, 12, Number.NaN, true, '', ' ', '  x  ', 'a', '\u0000', '\u0000\u0001', 'a\u0000b', '江城\u202e发布', 'a\ud800b', '\udc00',
  'e\u0301', 'Ａ全角', '\u200b', 'x'.repeat(50), 'x'.repeat(51), 'y'.repeat(200), 'y'.repeat(201), 'https://x.example/a', 'http://例子.测试/路径',
  'javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'not a url', 'HTTPS://X.EXAMPLE', '2026-11-23T09:30:00Z', '2026-11-23T09:30:00.123+08:00',
  '2026-02-30T00:00:00Z', '9999-01-01T00:00:00Z', '1999-12-31T23:59:59Z', '2026-11-23', 'mention', 'comment', 'impostor_report', 1, 2, [], ['https://x.example'],
  ['javascript:x'], Array.from({ length: 21 }, () => 'https://x.example'), {}, { id: 'a', name: 'b' }, { id: '', name: 'b' },
];

// Deterministic pseudo-random numbers, so a failure can be replayed.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const pick = <T>(next: () => number, values: readonly T[]): T => values[Math.floor(next() * values.length)];

/** Every dotted path of the base payload, and a few that are not in it. */
function pathsOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix];
  const own = Object.entries(value).flatMap(([key, inner]) => pathsOf(inner, prefix ? `${prefix}.${key}` : key));
  return [...(prefix ? [prefix] : []), ...own, `${prefix ? `${prefix}.` : ''}extra`, `${prefix ? `${prefix}.` : ''}threadId`, `${prefix ? `${prefix}.` : ''}schemaVersion`];
}

/** Sets a field (undefined kept as a key), or with `remove` deletes it. */
function setPath(payload: Record<string, unknown>, path: string, value: unknown, remove: boolean): void {
  const keys = path.split('.');
  let at = payload;
  for (const key of keys.slice(0, -1)) {
    if (typeof at[key] !== 'object' || at[key] === null) at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  if (remove) delete at[keys[keys.length - 1]];
  else at[keys[keys.length - 1]] = value;
}

/**
 * Alters 10,000 copies of a valid payload (1-3 fields set to other values or removed) and checks
 * the fast path against zod on each: what zod refuses it never accepts, what it accepts is exactly
 * zod's output (keys set to undefined and key order included). Both sides must be really tried.
 */
function expectMirrorsZod(next: () => number, choose: () => { schema: z.ZodTypeAny; base: object; values: readonly unknown[] }): void {
  let fastTaken = 0;
  let refused = 0;
  for (let i = 0; i < 10_000; i++) {
    const { schema, base, values } = choose();
    const payload = structuredClone(base) as Record<string, unknown>;
    const paths = pathsOf(payload);
    const changes = 1 + Math.floor(next() * 3);
    for (let c = 0; c < changes; c++) setPath(payload, pick(next, paths), pick(next, values), next() < 0.2);
    const fast = fastParser(schema)!(payload);
    const zod = schema.safeParse(payload);
    if (!zod.success) {
      refused++;
      expect({ payload, fast }).toEqual({ payload, fast: NOT_FAST });
    } else if (fast !== NOT_FAST) {
      fastTaken++;
      expect(fast).toStrictEqual(zod.data);
      expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
    }
  }
  expect(refused).toBeGreaterThan(1_000);
  expect(fastTaken).toBeGreaterThan(1_000);
}

describe(fastParser.name, () => {
  beforeAll(() => jest.useFakeTimers({ now: Date.parse('2026-12-01T08:00:00Z') }));
  afterAll(() => jest.useRealTimers());

  it('has a fast path for the intake schema of every kind and for the first endpoint', () => {
    for (const kind of ITEM_KINDS) expect(fastParser(ITEM_INTAKE_SCHEMAS[kind].schema)).toBeDefined();
    expect(fastParser(mentionIntakeSchema)).toBeDefined();
  });

  it('gives no fast path for a schema with a part it does not know', () => {
    expect(fastParser(z.object({ at: z.date() }))).toBeUndefined();
    expect(fastParser(z.object({ name: z.string().email() }))).toBeUndefined();
    expect(fastParser(z.object({ name: z.string() }).passthrough())).toBeUndefined();
  });

  it('takes a valid payload the way zod does, with the same output, key order included', () => {
    for (const kind of ITEM_KINDS) {
      const schema = ITEM_INTAKE_SCHEMAS[kind].schema;
      const fast = fastParser(schema)!(BASES[kind]);
      expect(fast).not.toBe(NOT_FAST);
      expect(JSON.stringify(fast)).toBe(JSON.stringify(schema.parse(BASES[kind])));
    }
  });

  it('never accepts what zod refuses, and when it accepts, gives exactly what zod gives (10,000 altered payloads)', () => {
    const next = random(11);
    expectMirrorsZod(next, () => {
      const kind = pick(next, ITEM_KINDS);
      return { schema: ITEM_INTAKE_SCHEMAS[kind].schema, base: BASES[kind], values: VALUES };
    });
  });

  it('mirrors zod on the other parts it knows: regex, number bounds, enum, array length, nullable, literal, strict keys', () => {
    const schema = z
      .object({
        code: z.string().regex(/^[a-z]+$/g),
        n: z.number().int().gt(0).lte(10).optional(),
        tag: z.enum(['a', 'b']),
        list: z.array(z.boolean()).min(1).max(2),
        maybe: z.string().length(2).nullable(),
        v: z.literal(1).default(1),
      })
      .strict();
    const values: unknown[] = [undefined, null, 0, 1, 10, 11, 2.5, Number.NaN, Infinity, 'a', 'b', 'ab', 'abc', 'A', '', true, false, [], [true], [true, false], [true, 1], [1, 2, 3], {}];
    const next = random(7);
    let fastTaken = 0;
    for (let i = 0; i < 5_000; i++) {
      const payload: Record<string, unknown> = { code: 'ab', tag: 'a', list: [true], maybe: null };
      for (let c = 0; c < 2; c++) setPath(payload, pick(next, ['code', 'n', 'tag', 'list', 'maybe', 'v', 'extra']), pick(next, values), next() < 0.2);
      const fast = fastParser(schema)!(payload);
      const zod = schema.safeParse(payload);
      if (!zod.success) expect({ payload, fast }).toEqual({ payload, fast: NOT_FAST });
      else if (fast !== NOT_FAST) {
        fastTaken++;
        expect(fast).toStrictEqual(zod.data);
      }
    }
    expect(fastTaken).toBeGreaterThan(100);
  });

  it('leaves the payload as it was (the raw payload is the evidence)', () => {
    const payload = { ...mention, text: '  a\u0000b  ', author: { id: 'u1', name: '江城\u202e发布' } };
    const before = JSON.stringify(payload);
    expect(fastParser(ITEM_INTAKE_SCHEMAS.mention.schema)!(payload)).toMatchObject({ text: 'ab', author: { name: '江城发布' } });
    expect(JSON.stringify(payload)).toBe(before);
  });
});

// An enriched item as the enricher writes it to its topic (the indexer's input).
const enriched = {
  id: 'weibo:sim-1-1',
  kind: 'mention',
  platform: 'weibo',
  author: { id: 'u1', name: '江城观察' },
  text: '网传明天停课，大家注意',
  url: 'https://weibo.example/1',
  publishedAt: '2026-11-23T09:30:00+08:00',
  receivedAt: '2026-11-23T01:30:01.123Z',
  threadId: 'weibo:u1',
  region: '上海',
  raw: { text: '网传明天停课，大家注意', extra: [1, { deep: null }] },
  enrichment: {
    normalized: '网传明天停课,大家注意',
    tokens: ['网传', '明天', '停课', '大家', '注意'],
    sentiment: { label: 'negative', score: 0.7 },
    rumor: { score: 0.61, reasons: ['hearsay:网传'], level: 'high' },
    categories: [{ id: 'false_alarm_rumor', reasons: ['停课'] }],
    pii: [{ type: 'phone', start: 1, end: 12 }],
    masked: '网传明天停课，大家注意',
    fingerprint: '0123456789abcdef',
    modelVersion: 'nlp-1.5.0',
  },
  enrichedAt: '2026-11-23T01:30:01.456Z',
};
const TOPIC_VALUES: unknown[] = [
  ...VALUES, 'negative', 'neutral', 'positive', 'low', 'medium', 'high', 'phone', 'false_alarm_rumor', 'rumor', 0.5, 1.0001, -0.0001, ['a', 1], [{ id: 'x' }],
  [{ type: 'email', start: 0, end: 1 }], [{ type: 'email', start: 0.5, end: 1 }], { label: 'positive', score: 0.2 }, { score: 0.2, reasons: [] },
];

describe('fast path of the topic schemas (what the enricher and the indexer read)', () => {
  it('has one for the raw item and for the enriched item', () => {
    expect(fastParser(rawItemSchema)).toBeDefined();
    expect(fastParser(enrichedItemSchema)).toBeDefined();
    expect(JSON.stringify(fastParser(enrichedItemSchema)!(enriched))).toBe(JSON.stringify(enrichedItemSchema.parse(enriched)));
  });

  it('never accepts what zod refuses, and when it accepts, gives exactly what zod gives (10,000 altered enriched items)', () => {
    expectMirrorsZod(random(23), () => ({ schema: enrichedItemSchema, base: enriched, values: TOPIC_VALUES }));
  });
});

describe(fastSafeParse.name, () => {
  it("answers a refused payload with zod's own issues", () => {
    const schema = ITEM_INTAKE_SCHEMAS.mention.schema;
    const payload = { ...mention, author: { id: 'u1' }, url: 'javascript:alert(1)' };
    expect(fastSafeParse(schema)(payload)).toEqual(schema.safeParse(payload));
  });
});
