import { commentsRawTopic, impostorReportsRawTopic, itemsEnrichedTopic } from '../topics';
import { itemsIndex, itemsIndexFor, toItemDocument } from './items.index';

describe('items index', () => {
  it('puts an item in the month of its Shanghai publish time', () => {
    // 2026-11-30T17:00Z is already 1 December in Shanghai.
    expect(itemsIndexFor('2026-11-30T17:00:00Z')).toBe('liaowang-items-2026.12');
    expect(itemsIndexFor('2026-11-30T15:59:59Z')).toBe('liaowang-items-2026.11');
  });

  it('maps every field of a document (the mapping is strict)', () => {
    const doc = toItemDocument(itemsEnrichedTopic.example);
    const mapped = Object.keys((itemsIndex.mappings as { properties: object }).properties);
    for (const field of Object.keys(doc)) expect(mapped).toContain(field);
    expect(doc.tokens).toContain('网传 市区');
  });
});

describe('items index, kinds', () => {
  it.each([commentsRawTopic, impostorReportsRawTopic])('maps the own fields of %s', (topic) => {
    const enriched = { ...itemsEnrichedTopic.example, ...topic.example };
    const doc = toItemDocument(enriched);
    const mapped = (itemsIndex.mappings as { properties: Record<string, { properties?: object }> }).properties;
    const own = doc.comment ?? doc.impostorReport;
    const ownMapping = mapped[doc.comment ? 'comment' : 'impostorReport'].properties!;
    for (const field of Object.keys(own!)) expect(Object.keys(ownMapping)).toContain(field);
  });
});
