import type { IndexTemplateDefinition } from './index-template';

// R-CASE-2, R-CASE-4: the clock table per grade is data of record (one document, id `policy`).
export const caseClockPolicyIndex: IndexTemplateDefinition = {
  alias: 'liaowang-case-clock-policy',
  templateName: 'liaowang-case-clock-policy-v1',
  version: 1,
  indexPatterns: ['liaowang-case-clock-policy-v1'],
  settings: { number_of_shards: 1, number_of_replicas: 0 },
  mappings: {
    dynamic: 'strict',
    properties: {
      grades: { type: 'object', enabled: false },
      version: { type: 'integer' },
      updatedAt: { type: 'date' },
      updatedBy: { type: 'keyword' },
    },
  },
  ofRecord: true,
};
export const CASE_CLOCK_POLICY_INDEX_NAME = 'liaowang-case-clock-policy-v1';
export const CASE_CLOCK_POLICY_DOC_ID = 'policy';
