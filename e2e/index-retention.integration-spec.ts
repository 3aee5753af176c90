import { AUDIT_INDEX_NAME, itemsIndex, type AuditRecord, type IndexTemplateDefinition } from '@liaowang/contract';
import { applyRetention, AuditTrail, createElasticsearchClient, createLogger, ensureIndex, ensureIndexTemplate } from '@liaowang/platform';
import { randomUUID } from 'node:crypto';
import { testSettings } from './support/test-settings';

// R-ENR-7 on the real stack: the retention job deletes the month indices past the kept months,
// creates the current and next month ahead, audits each change, and a second run does nothing.
// It runs on a template of this run's own, so it touches no other test's indices.
describe('retention of the month indices', () => {
  const settings = testSettings({ LOG_LEVEL: 'silent' });
  const es = createElasticsearchClient(settings.ES_URL);
  const audit = new AuditTrail(es, createLogger('test', 'silent'));
  const prefix = `liaowang-retention-test-${randomUUID().slice(0, 8)}-`;
  const template: IndexTemplateDefinition = {
    ...itemsIndex,
    alias: `${prefix}all`,
    templateName: `${prefix}v1`,
    indexPatterns: [`${prefix}*`],
  };
  afterAll(async () => {
    // Deletes take concrete names only.
    const made = Object.keys(await es.indices.get({ index: `${prefix}*`, allow_no_indices: true }));
    if (made.length > 0) await es.indices.delete({ index: made.join(',') });
    await es.indices.deleteIndexTemplate({ name: template.templateName }, { ignore: [404] });
    await es.close();
  });

  it('deletes what is past the kept months, creates the months ahead, audits both, and is idempotent', async () => {
    await ensureIndexTemplate(es, template);
    for (const month of ['2026.01', '2026.02', '2026.03', '2026.04']) await ensureIndex(es, `${prefix}${month}`);
    // 1 May 2026 at 00:30 in Beijing; keep 3 months: May, April, March.
    const now = new Date('2026-04-30T16:30:00Z');

    const first = await applyRetention(es, audit, [template], 3, now);
    expect(first).toEqual({ created: [`${prefix}2026.05`, `${prefix}2026.06`], deleted: [`${prefix}2026.01`, `${prefix}2026.02`] });
    const left = Object.keys(await es.indices.get({ index: `${prefix}*` })).sort();
    expect(left).toEqual(['2026.03', '2026.04', '2026.05', '2026.06'].map((m) => `${prefix}${m}`));
    const aliases = await es.indices.getAlias({ index: `${prefix}2026.06` });
    expect(Object.keys(aliases[`${prefix}2026.06`].aliases)).toEqual([template.alias]);

    await es.indices.refresh({ index: AUDIT_INDEX_NAME });
    const records = await es.search<AuditRecord>({
      index: AUDIT_INDEX_NAME,
      size: 10,
      query: { prefix: { 'target.id': prefix } },
      sort: [{ seq: 'asc' }],
    });
    expect(records.hits.hits.map((h) => [h._source!.action, h._source!.target.id])).toEqual([
      ['indices.rollover', `${prefix}2026.05`],
      ['indices.rollover', `${prefix}2026.06`],
      ['indices.retention.delete', `${prefix}2026.01`],
      ['indices.retention.delete', `${prefix}2026.02`],
    ]);

    expect(await applyRetention(es, audit, [template], 3, now)).toEqual({ created: [], deleted: [] });
  });
});
