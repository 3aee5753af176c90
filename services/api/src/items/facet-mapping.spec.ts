import { itemsIndex, spikesIndex, storiesIndex, type IndexTemplateDefinition } from '@liaowang/contract';
import { FACET_FIELDS } from './item-query';

type Field = { type?: string; properties?: Record<string, Field>; fields?: Record<string, Field> };

/** The mapping of a dotted field path, or undefined. */
function fieldOf(def: IndexTemplateDefinition, path: string): Field | undefined {
  let field: Field = def.mappings as Field;
  for (const part of path.split('.')) {
    const next = field.properties?.[part] ?? field.fields?.[part];
    if (!next) return undefined;
    field = next;
  }
  return field;
}

// R-ENR-7: every field the API filters or counts by is a keyword in the template (or has a
// keyword sub-field), so terms filters and aggregations work on every month index.
describe('facet fields are keywords', () => {
  it.each(Object.entries(FACET_FIELDS))('items facet %s (%s)', (_facet, path) => {
    expect(fieldOf(itemsIndex, path)?.type).toBe('keyword');
  });

  it.each(['author.id', 'storyId', 'piiTypes', 'rumor.reasons'])('items filter field %s', (path) => {
    expect(fieldOf(itemsIndex, path)?.type).toBe('keyword');
  });

  it.each(['facets.platform', 'facets.region', 'facets.category', 'title.raw'])('stories field %s', (path) => {
    expect(fieldOf(storiesIndex, path)?.type).toBe('keyword');
  });

  it.each(['kind', 'key', 'basis', 'label.raw'])('spikes field %s', (path) => {
    expect(fieldOf(spikesIndex, path)?.type).toBe('keyword');
  });
});
