import { summarizeItem } from '../enriched-item';
import { spikeSchema, type Spike } from '../spike';
import { itemsEnrichedTopic } from './items-enriched.topic';
import type { TopicDefinition } from './topic-definition';

// Published by the spike detector once per spike, after its document was created in the spikes
// index (the index says whether a window was already announced).
export const spikesTopic: TopicDefinition<Spike> = {
  name: 'liaowang.spikes.v1',
  key: 'kind:key of the series, so one series stays in order',
  partitions: 1,
  retentionMs: 7 * 24 * 3600 * 1000,
  producers: ['spike detector (stream)'],
  consumers: ['alert evaluator (stream, spike rules)'],
  schemaVersion: 1,
  schema: spikeSchema,
  example: {
    id: 'sp-story-3f9a1c2b-20261201T0620Z',
    kind: 'story',
    key: 'st-3f9a1c2b',
    label: '网传江城高新区化工厂偷排，河水都变色了',
    window: { from: '2026-12-01T06:20:00.000Z', to: '2026-12-01T06:30:00.000Z' },
    windowBeijing: '2026-12-01 14:20–14:30',
    count: 64,
    baseline: 5,
    scale: 2.24,
    z: 26.4,
    basis: 'seasonal',
    detectedAt: '2026-12-01T06:27:30.000Z',
    topItems: [summarizeItem(itemsEnrichedTopic.example)],
  },
};
