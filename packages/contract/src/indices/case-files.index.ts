import type { IndexTemplateDefinition } from './index-template';

// R-CASE-5: the bytes of uploaded evidence, one document per file (id `<caseId>:<evidenceId>`),
// apart from the case so a case read does not carry megabytes; of record, so backups keep them.
export const caseFilesIndex: IndexTemplateDefinition = {
  alias: 'liaowang-case-files',
  templateName: 'liaowang-case-files-v1',
  version: 1,
  indexPatterns: ['liaowang-case-files-v1'],
  settings: { number_of_shards: 1, number_of_replicas: 0 },
  mappings: {
    dynamic: 'strict',
    properties: {
      caseId: { type: 'keyword' },
      evidenceId: { type: 'keyword' },
      sha256: { type: 'keyword' },
      size: { type: 'long' },
      mediaType: { type: 'keyword' },
      name: { type: 'keyword' },
      content: { type: 'binary' },
      addedAt: { type: 'date' },
    },
  },
  ofRecord: true,
};
export const CASE_FILES_INDEX_NAME = 'liaowang-case-files-v1';
