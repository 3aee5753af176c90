import { alertRuleInputSchema, spikesTopic, type Spike } from '@liaowang/contract';
import { aRule, anItem } from '../../test-support/alert.factories';
import { compileRule, prepareItem } from './rule-matcher';

const spike = (overrides: Partial<Spike> = {}): Spike => ({ ...spikesTopic.example, ...overrides });

describe('spike rules', () => {
  it('fire on spikes of the kinds and z they name', () => {
    const rule = compileRule(aRule({ match: { spike: { kinds: ['story'], zAtLeast: 6 } } }));
    expect(rule.testSpike(spike({ kind: 'story', z: 26.4 }))).toEqual({ matched: true, reasons: ['spike:story', 'z:26.4', 'count:64', 'baseline:5'] });
    expect(rule.testSpike(spike({ kind: 'story', z: 5.9 })).matched).toBe(false);
    expect(rule.testSpike(spike({ kind: 'keyword', z: 26.4 })).matched).toBe(false);
  });

  it('may name the series (a keyword) and a minimum count', () => {
    const rule = compileRule(aRule({ match: { spike: { keys: ['化工厂'], countAtLeast: 50 } } }));
    expect(rule.testSpike(spike({ kind: 'keyword', key: '化工厂', count: 64 })).matched).toBe(true);
    expect(rule.testSpike(spike({ kind: 'keyword', key: '化工厂', count: 49 })).matched).toBe(false);
    expect(rule.testSpike(spike({ kind: 'keyword', key: '停课', count: 64 })).matched).toBe(false);
  });

  it('never match an item, and item rules never match a spike', () => {
    const spikeRule = compileRule(aRule({ match: { spike: {} } }));
    expect(spikeRule.test(prepareItem(anItem({ text: '任何一条' }))).matched).toBe(false);
    expect(compileRule(aRule({ match: { keywords: '化工厂' } })).testSpike(spike()).matched).toBe(false);
  });

  it('stand alone: a spike condition with an item condition is refused, naming spike; old rules without it still parse', () => {
    const base = { name: '话题突增', severity: 'high', match: { spike: { kinds: ['story'] } } } as const;
    expect(alertRuleInputSchema.safeParse(base).success).toBe(true);
    const mixed = alertRuleInputSchema.safeParse({ ...base, match: { spike: { kinds: ['story'] }, keywords: '停课' } });
    expect(mixed.success ? [] : mixed.error.issues.map((i) => i.path.join('.'))).toEqual(['match.spike']);
    const wrongKind = alertRuleInputSchema.safeParse({ ...base, match: { spike: { kinds: ['sudden'] } } });
    expect(wrongKind.success ? [] : wrongKind.error.issues.map((i) => i.path.join('.'))).toEqual(['match.spike.kinds.0']);
    expect(alertRuleInputSchema.safeParse({ name: '停课', severity: 'low', match: { keywords: '停课' } }).success).toBe(true);
  });
});
