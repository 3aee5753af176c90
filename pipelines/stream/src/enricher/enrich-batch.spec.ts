import { itemsEnrichedTopic, mentionsRawTopic } from '@liaowang/contract';
import type { ConsumedMessage } from '@liaowang/platform';
import { enrichBatch, type TextEnricher } from './enrich-batch';

const message = (value: string, offset = '0'): ConsumedMessage => ({ key: Buffer.from('k'), value: Buffer.from(value), offset, timestamp: '0' });

const fixedEnricher: TextEnricher = { enrich: () => itemsEnrichedTopic.example.enrichment };

describe(enrichBatch.name, () => {
  it('enriches valid items, keyed by their thread, stamped with the time', () => {
    const now = new Date('2026-11-23T01:00:00Z');
    const { enriched, rejected } = enrichBatch([message(JSON.stringify(mentionsRawTopic.example))], fixedEnricher, now);
    expect(rejected).toEqual([]);
    expect(enriched).toHaveLength(1);
    expect(enriched[0].key).toBe(mentionsRawTopic.example.threadId);
    expect(enriched[0].value.enrichedAt).toBe('2026-11-23T01:00:00.000Z');
    expect(itemsEnrichedTopic.schema.safeParse(enriched[0].value).success).toBe(true);
  });

  it('rejects bad JSON and schema violations with reasons naming the problem, keeping the rest', () => {
    const { enriched, rejected } = enrichBatch(
      [message('{"id": ', '1'), message(JSON.stringify({ ...mentionsRawTopic.example, kind: 'tweet' }), '2'), message(JSON.stringify(mentionsRawTopic.example), '3')],
      fixedEnricher,
    );
    expect(enriched).toHaveLength(1);
    expect(rejected.map((r) => r.message.offset)).toEqual(['1', '2']);
    expect(rejected[0].reason).toMatch(/^invalid JSON/);
    expect(rejected[1].reason).toMatch(/^schema: kind:/);
  });

  it('rejects an item whose enrichment throws, instead of failing the batch', () => {
    const broken: TextEnricher = {
      enrich: () => {
        throw new Error('boom');
      },
    };
    const { enriched, rejected } = enrichBatch([message(JSON.stringify(mentionsRawTopic.example))], broken);
    expect(enriched).toEqual([]);
    expect(rejected[0].reason).toBe('enrichment failed: boom');
  });
});
