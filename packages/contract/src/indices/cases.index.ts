import type { IndexTemplateDefinition } from './index-template';

const keyword = { type: 'keyword' } as const;
const date = { type: 'date' } as const;
const stored = { type: 'object', enabled: false } as const;

// R-CASE-1…6: cases are data of record. The fields searched on the board and in the archive
// (full text, grade, owner, time, outcome) are indexed; the rest is kept in the document, not indexed.
export const casesIndex: IndexTemplateDefinition = {
  alias: 'liaowang-cases',
  templateName: 'liaowang-cases-v1',
  version: 2,
  indexPatterns: ['liaowang-cases-v1'],
  settings: { number_of_shards: 1, number_of_replicas: 0, refresh_interval: '1s' },
  mappings: {
    dynamic: 'strict',
    properties: {
      id: keyword,
      version: { type: 'integer' },
      title: { type: 'text', fields: { raw: keyword } },
      summary: { type: 'text' },
      state: keyword,
      grade: keyword,
      owner: keyword,
      ownerLevel: keyword,
      source: stored,
      links: { properties: { alertIds: keyword, itemIds: keyword, storyIds: keyword } },
      clocks: {
        properties: {
          firstReleaseDueAt: date,
          nextUpdateDueAt: date,
          closeDueAt: date,
          breaches: stored,
          noticeClaim: { properties: { by: keyword, at: date } },
          policy: stored,
        },
      },
      tasks: stored,
      referrals: stored,
      evidence: stored,
      statements: stored,
      agreedLine: stored,
      closing: {
        properties: {
          summary: { type: 'text' },
          outcome: keyword,
          lessons: { type: 'text' },
          by: keyword,
          at: date,
        },
      },
      timeline: stored,
      openedAt: date,
      openedBy: keyword,
      updatedAt: date,
      archivedAt: date,
    },
  },
  ofRecord: true,
};
export const CASES_INDEX_NAME = 'liaowang-cases-v1';
