import { compileRule } from '@liaowang/alerting';
import { alertTriggerSchema, itemsEnrichedTopic, type AlertRule, type EnrichedItem } from '@liaowang/contract';
import { evaluateItems } from './evaluate-items';

const anItem = (id: string, text: string, rumor = 0.1): EnrichedItem => {
  const base = itemsEnrichedTopic.example;
  return { ...base, id, text, enrichment: { ...base.enrichment, normalized: text, masked: text, rumor: { score: rumor, reasons: [] } } };
};

const aRule = (overrides: Partial<AlertRule>): AlertRule => ({
  id: 'rule-1',
  version: 3,
  name: '停水谣言',
  severity: 'high',
  enabled: true,
  match: { keywords: '停水' },
  repeatMinutes: 30,
  createdAt: '2026-11-30T00:00:00.000Z',
  createdBy: 'duty',
  updatedAt: '2026-11-30T00:00:00.000Z',
  updatedBy: 'duty',
  ...overrides,
});

// 12:00 in Asia/Shanghai.
const noon = new Date('2026-12-01T04:00:00Z');

describe(evaluateItems.name, () => {
  const water = compileRule(aRule({}));
  const rumor = compileRule(aRule({ id: 'rule-2', name: '高谣言风险', match: { rumorRiskAtLeast: 0.8 } }));

  it('emits one trigger per matching rule and item, with the rule snapshot and an explicit group key', () => {
    const items = [anItem('a', '明天全市停水', 0.9), anItem('b', '今天天气很好'), anItem('c', '网传地震', 0.85)];
    const triggers = evaluateItems(items, [water, rumor], noon);
    expect(triggers.map((t) => `${t.ruleId}/${t.item.id}`)).toEqual(['rule-1/a', 'rule-2/a', 'rule-2/c']);
    const [first] = triggers;
    expect(alertTriggerSchema.parse(first)).toEqual(first);
    expect(first).toMatchObject({
      ruleVersion: 3,
      groupKey: 'rule:rule-1',
      reasons: ['停水'],
      matchedAt: noon.toISOString(),
      rule: { name: '停水谣言', severity: 'high', repeatMinutes: 30, match: { keywords: '停水' } },
    });
  });

  it('raises nothing for an item no rule matches', () => {
    expect(evaluateItems([anItem('b', '今天天气很好')], [water, rumor], noon)).toEqual([]);
  });

  it('skips a rule in its quiet hours at evaluation time', () => {
    const quiet = compileRule(aRule({ quietHours: { from: '11:00', to: '13:00' } }));
    const item = anItem('a', '明天全市停水');
    expect(evaluateItems([item], [quiet], noon)).toEqual([]);
    expect(evaluateItems([item], [quiet], new Date('2026-12-01T06:00:00Z'))).toHaveLength(1); // 14:00
  });
});
