import type { IndexTemplateDefinition } from './index-template';

const keyword = { type: 'keyword' } as const;
const date = { type: 'date' } as const;

// R-ALR-4: the duty roster is data of record. One document per shift (id = shift id) and one head
// document (ROSTER_HEAD_ID) whose rosterVersion every replacement moves on with if_seq_no, so two
// admins saving at once cannot both win.
export const rosterIndex: IndexTemplateDefinition = {
  alias: 'liaowang-roster',
  templateName: 'liaowang-roster-v1',
  version: 1,
  indexPatterns: ['liaowang-roster-v1'],
  settings: { number_of_shards: 1, number_of_replicas: 0 },
  mappings: {
    dynamic: 'strict',
    properties: {
      kind: keyword,
      id: keyword,
      startsAt: date,
      endsAt: date,
      dutyOfficer: keyword,
      shiftLead: keyword,
      leaderOnDuty: keyword,
      note: { type: 'text' },
      version: { type: 'integer' },
      rosterVersion: { type: 'integer' },
      updatedAt: date,
      updatedBy: keyword,
    },
  },
  ofRecord: true,
};
export const ROSTER_INDEX_NAME = 'liaowang-roster-v1';
export const ROSTER_HEAD_ID = 'roster-head';
