import type { IndexTemplateDefinition } from './index-template';

// R-ALR-3: the escalation policy is data of record (one document, id `policy`, edited by admins).
export const escalationPolicyIndex: IndexTemplateDefinition = {
  alias: 'liaowang-escalation-policy',
  templateName: 'liaowang-escalation-policy-v1',
  version: 1,
  indexPatterns: ['liaowang-escalation-policy-v1'],
  settings: { number_of_shards: 1, number_of_replicas: 0 },
  mappings: {
    dynamic: 'strict',
    properties: {
      steps: { type: 'object', enabled: false },
      version: { type: 'integer' },
      updatedAt: { type: 'date' },
      updatedBy: { type: 'keyword' },
    },
  },
  ofRecord: true,
};
export const ESCALATION_POLICY_INDEX_NAME = 'liaowang-escalation-policy-v1';
export const ESCALATION_POLICY_DOC_ID = 'policy';
