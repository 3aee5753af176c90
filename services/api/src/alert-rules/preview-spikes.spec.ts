import { alertRuleInputSchema, spikesTopic, type Spike } from '@liaowang/contract';
import { previewSpikes } from './alert-rule-preview.service';

const spike = (key: string, from: string, z = 10): Spike => ({ ...spikesTopic.example, id: `sp-${key}-${from}`, key, z, window: { from, to: from } });

describe(previewSpikes.name, () => {
  const input = alertRuleInputSchema.parse({ name: '话题突增', severity: 'high', match: { spike: { kinds: ['story'], zAtLeast: 5 } }, repeatMinutes: 30 });

  it('counts the matched spikes into alerts per series, by the repeat interval', () => {
    const spikes = [
      spike('st-a', '2026-12-01T06:00:00.000Z'),
      spike('st-a', '2026-12-01T06:10:00.000Z'), // same series within 30 min: grouped
      spike('st-a', '2026-12-01T07:00:00.000Z'), // a new alert
      spike('st-b', '2026-12-01T06:10:00.000Z'), // another series: its own alert
      spike('st-c', '2026-12-01T06:10:00.000Z', 4), // below the rule's z
    ];
    const preview = previewSpikes(spikes, input, input.match.spike!);
    expect(preview).toMatchObject({ matchedItems: 4, alerts: 3, itemsScanned: 5 });
    expect(preview.sample.map((s) => s.id)).toHaveLength(4);
  });
});
