import type { IndexTemplateDefinition } from './index-template';

const keyword = { type: 'keyword' } as const;
const date = { type: 'date' } as const;

// R-ALR-4: shift handovers are data of record (a note and its generated summary, who confirmed).
export const handoversIndex: IndexTemplateDefinition = {
  alias: 'liaowang-handovers',
  templateName: 'liaowang-handovers-v1',
  version: 1,
  indexPatterns: ['liaowang-handovers-v1'],
  settings: { number_of_shards: 1, number_of_replicas: 0 },
  mappings: {
    dynamic: 'strict',
    properties: {
      id: keyword,
      state: keyword,
      // The shift as it was at handover (STYLE habit 7); shown, not searched.
      shift: { type: 'object', enabled: false },
      note: { type: 'text' },
      writtenBy: keyword,
      writtenAt: date,
      incoming: keyword,
      confirmedBy: keyword,
      confirmedAt: date,
      summary: { type: 'object', enabled: false },
    },
  },
  ofRecord: true,
};
export const HANDOVERS_INDEX_NAME = 'liaowang-handovers-v1';
