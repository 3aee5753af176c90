import type { IndexTemplateDefinition } from './index-template';

const keyword = { type: 'keyword' } as const;
const date = { type: 'date' } as const;

// R-ALR-1: rules are data of record. The current version of each rule lives in the rules index
// (document id = rule id); every saved version also goes to the versions index (id = rule@version),
// so an alert's rule version can always be looked up.
const ruleProperties = {
  id: keyword,
  version: { type: 'integer' },
  name: { type: 'text', fields: { raw: keyword } },
  description: { type: 'text' },
  severity: keyword,
  enabled: { type: 'boolean' },
  // Conditions are read by the evaluator, never searched.
  match: { type: 'object', enabled: false },
  quietHours: { type: 'object', enabled: false },
  repeatMinutes: { type: 'integer' },
  createdAt: date,
  createdBy: keyword,
  updatedAt: date,
  updatedBy: keyword,
};

export const alertRulesIndex: IndexTemplateDefinition = {
  alias: 'liaowang-alert-rules',
  templateName: 'liaowang-alert-rules-v1',
  version: 1,
  indexPatterns: ['liaowang-alert-rules-v1'],
  settings: { number_of_shards: 1, number_of_replicas: 0 },
  mappings: { dynamic: 'strict', properties: ruleProperties },
  ofRecord: true,
};
export const ALERT_RULES_INDEX_NAME = 'liaowang-alert-rules-v1';

export const alertRuleVersionsIndex: IndexTemplateDefinition = {
  alias: 'liaowang-alert-rule-versions',
  templateName: 'liaowang-alert-rule-versions-v1',
  version: 1,
  indexPatterns: ['liaowang-alert-rule-versions-v1'],
  settings: { number_of_shards: 1, number_of_replicas: 0 },
  mappings: { dynamic: 'strict', properties: ruleProperties },
  ofRecord: true,
};
export const ALERT_RULE_VERSIONS_INDEX_NAME = 'liaowang-alert-rule-versions-v1';
