import * as indices from './index';
import { ALL_INDEX_TEMPLATES, RECORD_INDEX_TEMPLATES, recordIndexPatterns } from './record-indices';

const isTemplate = (value: unknown): value is { templateName: string } =>
  typeof value === 'object' && value !== null && 'templateName' in value && 'indexPatterns' in value;

describe('record indices', () => {
  it('lists every index template the contract exports, so none escapes the backup by omission', () => {
    const exported = Object.values(indices).filter(isTemplate);
    expect(exported.length).toBeGreaterThan(0);
    for (const template of exported) expect(ALL_INDEX_TEMPLATES).toContain(template);
  });

  it('backs up users but not the items (they are rebuilt from Kafka and the sources)', () => {
    const names = RECORD_INDEX_TEMPLATES.map((t) => t.templateName);
    expect(names).toContain('liaowang-users-v1');
    expect(names).not.toContain('liaowang-items-v1');
    expect(recordIndexPatterns()).toContain('liaowang-users-v1');
  });
});
