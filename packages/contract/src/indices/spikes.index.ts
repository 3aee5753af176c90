import type { IndexTemplateDefinition } from './index-template';

const keyword = { type: 'keyword' } as const;
const date = { type: 'date' } as const;

// Monthly indices by the window's start (Asia/Shanghai month), like the items: a spike document
// is written once (op_type create on its id), so a re-evaluation of the same window is refused.
// Derived from the items: not of record.
export const spikesIndex: IndexTemplateDefinition = {
  alias: 'liaowang-spikes',
  templateName: 'liaowang-spikes-v1',
  // Version 2 (additive): `label.raw`, so spikes can be grouped and sorted by their label.
  version: 2,
  indexPatterns: ['liaowang-spikes-*'],
  settings: { number_of_shards: 1, number_of_replicas: 0, refresh_interval: '1s' },
  mappings: {
    dynamic: 'strict',
    properties: {
      id: keyword,
      kind: keyword,
      key: keyword,
      label: { type: 'text', analyzer: 'standard', fields: { raw: { type: 'keyword', ignore_above: 512 } } },
      window: { properties: { from: date, to: date } },
      windowBeijing: keyword,
      count: { type: 'integer' },
      baseline: { type: 'float' },
      scale: { type: 'float' },
      z: { type: 'float' },
      basis: keyword,
      detectedAt: date,
      topItems: { type: 'object', enabled: false },
      // Set once the spike is on the topic: a crash between the write and the send is sent again.
      announced: { type: 'boolean' },
    },
  },
};

/** The concrete monthly index of a spike, by the start of its window (Asia/Shanghai month). */
export function spikesIndexFor(windowFrom: string): string {
  const shanghai = new Date(Date.parse(windowFrom) + 8 * 3600 * 1000);
  return `liaowang-spikes-${shanghai.getUTCFullYear()}.${String(shanghai.getUTCMonth() + 1).padStart(2, '0')}`;
}
