import { auditIndex, itemsEnrichedTopic, itemsIndex, itemsIndexFor, toItemDocument, usersIndex, type IndexTemplateDefinition } from '@liaowang/contract';
import { randomUUID } from 'node:crypto';
import { createElasticsearchClient, ensureIndex, ensureIndexTemplate, isElasticsearchReady } from './elasticsearch.port';

describe('index templates on the real Elasticsearch', () => {
  const es = createElasticsearchClient(process.env.ES_URL ?? 'http://127.0.0.1:9200');
  afterAll(() => es.close());

  it('is ready', async () => {
    expect(await isElasticsearchReady(es)).toBe(true);
  });

  it('applies every template twice without error (idempotent start-up)', async () => {
    for (const def of [itemsIndex, usersIndex, auditIndex]) {
      await ensureIndexTemplate(es, def);
      await ensureIndexTemplate(es, def);
      const { index_templates } = await es.indices.getIndexTemplate({ name: def.templateName });
      expect(index_templates[0].index_template.version).toBe(def.version);
    }
  });

  it('gives indices made from an earlier version of a template the fields added since', async () => {
    const name = `liaowang-test-upgrade-${randomUUID().slice(0, 8)}`;
    const v1: IndexTemplateDefinition = {
      alias: name,
      templateName: name,
      version: 1,
      indexPatterns: [`${name}-*`],
      settings: { number_of_shards: 1, number_of_replicas: 0 },
      mappings: { dynamic: 'strict', properties: { id: { type: 'keyword' } } },
    };
    const v2 = { ...v1, version: 2, mappings: { dynamic: 'strict', properties: { id: { type: 'keyword' }, storyId: { type: 'keyword' } } } };
    try {
      await ensureIndexTemplate(es, v1);
      await ensureIndex(es, `${name}-2026.11`);
      await ensureIndexTemplate(es, v2);
      await es.index({ index: `${name}-2026.11`, id: 'a', document: { id: 'a', storyId: 's1' }, refresh: 'wait_for' });
      const found = await es.search({ index: name, query: { term: { storyId: 's1' } } });
      expect(found.hits.hits.map((h) => h._id)).toEqual(['a']);
    } finally {
      await es.indices.delete({ index: `${name}-2026.11`, ignore_unavailable: true });
      await es.indices.deleteIndexTemplate({ name }).catch(() => undefined);
    }
  });

  it('stores an item in its month index, readable through the alias, searchable by word and phrase', async () => {
    await ensureIndexTemplate(es, itemsIndex);
    const example = itemsEnrichedTopic.example;
    const id = `test:${randomUUID()}`;
    const doc = toItemDocument({ ...example, id });
    await es.index({ index: itemsIndexFor(doc.publishedAt), id, document: doc, refresh: 'wait_for' });

    const byWord = await es.search({
      index: itemsIndex.alias,
      query: { bool: { filter: [{ term: { id } }, { match: { tokens: '停课' } }] } },
    });
    expect(byWord.hits.hits.map((h) => h._id)).toEqual([id]);

    const byPhrase = await es.search({
      index: itemsIndex.alias,
      query: { bool: { filter: [{ term: { id } }, { match_phrase: { text: '明天全部停课' } }] } },
    });
    expect(byPhrase.hits.hits).toHaveLength(1);

    // Characters out of order are not the phrase.
    const notPhrase = await es.search({
      index: itemsIndex.alias,
      query: { bool: { filter: [{ term: { id } }, { match_phrase: { text: '停课全部明天' } }] } },
    });
    expect(notPhrase.hits.hits).toHaveLength(0);
  });

  it('creates a month index ready to search, in the alias, and leaves an existing one alone', async () => {
    await ensureIndexTemplate(es, itemsIndex);
    const index = `liaowang-items-1999.${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}`;
    await es.indices.delete({ index, ignore_unavailable: true });
    await ensureIndex(es, index);
    await ensureIndex(es, index);
    const alias = await es.indices.getAlias({ index });
    expect(Object.keys(alias[index].aliases)).toContain(itemsIndex.alias);
    const search = await es.search({ index, size: 0 });
    expect(search._shards.failed).toBe(0);
    await es.indices.delete({ index });
  });

  it('refuses a document with a field the strict mapping does not know', async () => {
    await expect(
      es.index({ index: itemsIndexFor(new Date().toISOString()), id: `test:${randomUUID()}`, document: { surprise: 1 } }),
    ).rejects.toThrow(/strict_dynamic_mapping_exception/);
  });
});
