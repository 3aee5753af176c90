import { compileRule } from '@liaowang/alerting';
import { spikesTopic, type AlertRule } from '@liaowang/contract';
import { evaluateSpikes } from './evaluate-spikes';

const rule = (id: string, match: AlertRule['match'], quietHours?: AlertRule['quietHours']): AlertRule => ({
  id,
  version: 1,
  name: id,
  severity: 'high',
  enabled: true,
  match,
  quietHours,
  repeatMinutes: 30,
  createdAt: '2026-12-01T00:00:00Z',
  createdBy: 'u',
  updatedAt: '2026-12-01T00:00:00Z',
  updatedBy: 'u',
});

describe(evaluateSpikes.name, () => {
  const spike = spikesTopic.example;
  const now = new Date('2026-12-01T06:28:00Z');

  it('raises one trigger per matching spike rule, grouped by rule and series, with the window item', () => {
    const rules = [rule('r-story', { spike: { kinds: ['story'], zAtLeast: 5 } }), rule('r-kw', { spike: { kinds: ['keyword'] } }), rule('r-item', { keywords: '化工厂' })].map(compileRule);
    const triggers = evaluateSpikes([spike], rules, now);
    expect(triggers).toHaveLength(1);
    expect(triggers[0]).toMatchObject({ ruleId: 'r-story', groupKey: `rule:r-story:spike:story:${spike.key}`, item: spike.topItems[0] });
    expect(triggers[0].reasons).toContain('window:2026-12-01 14:20–14:30');
  });

  it('keeps a spike rule quiet in its quiet hours', () => {
    const rules = [rule('r-night', { spike: {} }, { from: '14:00', to: '15:00' })].map(compileRule);
    expect(evaluateSpikes([spike], rules, now)).toEqual([]);
  });
});
