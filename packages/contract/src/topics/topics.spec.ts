import { ALL_TOPICS } from './index';

describe('topic definitions', () => {
  it.each(ALL_TOPICS.map((t) => [t.name, t] as const))('%s: example matches its schema', (_name, topic) => {
    const result = topic.schema.safeParse(topic.example);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('names are unique and versioned', () => {
    const names = ALL_TOPICS.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^liaowang\.[a-z.-]+\.v\d+$/);
  });
});
