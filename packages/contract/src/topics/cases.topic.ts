import { z } from 'zod';
import { CASE_STATES, type Case } from '../case';
import type { TopicDefinition } from './topic-definition';

// The whole case travels: every instance pushes it as `cases:updated` as it is. Only the fields
// a reader needs to place it are checked here; the API wrote the rest from its own types.
const caseEventSchema = z
  .object({ id: z.string().min(1), version: z.number().int().min(1), title: z.string(), state: z.enum(CASE_STATES), timeline: z.array(z.unknown()) })
  .passthrough() as unknown as z.ZodType<Case>;

// Published by the API instance that wrote the case, after the write and its audit record, so a
// dashboard on any instance hears of every change (R-UI-3). Key: case id, so one case's changes
// stay in order.
export const casesTopic: TopicDefinition<Case> = {
  name: 'liaowang.cases.v1',
  key: 'case id',
  partitions: 3,
  retentionMs: 24 * 3600 * 1000,
  producers: ['api (every case write)'],
  consumers: ['api (live gateway, one group per instance)'],
  schemaVersion: 1,
  schema: caseEventSchema,
  example: {
    id: 'case-20261201-0001',
    version: 2,
    title: '网传江城全市停水三天',
    state: 'assessment',
    source: { kind: 'alert', alertId: 'alert-42' },
    links: { alertIds: ['alert-42'], itemIds: [], storyIds: [] },
    clocks: { breaches: [] },
    tasks: [],
    referrals: [],
    evidence: [],
    statements: [],
    timeline: [
      { at: '2026-12-01T09:30:00+08:00', by: 'duty', type: 'opened' },
      { at: '2026-12-01T09:32:00+08:00', by: 'duty', type: 'moved', from: 'receipt', to: 'assessment', reason: '核实为真实舆情' },
    ],
    openedAt: '2026-12-01T09:30:00+08:00',
    openedBy: 'duty',
    updatedAt: '2026-12-01T09:32:00+08:00',
  },
};
