import { alertTriggersTopic, itemsEnrichedTopic, type AlertRule, type AlertTrigger, type EnrichedItem } from '@liaowang/contract';

// Test data factories for the unit tests (STYLE habit 11), built from the topics' own examples;
// outside src/ so they are never built into the package.
export function anItem(overrides: { text?: string; kind?: EnrichedItem['kind']; rumor?: number; sentiment?: EnrichedItem['enrichment']['sentiment']; categories?: string[]; author?: EnrichedItem['author'] } = {}): EnrichedItem {
  const base = itemsEnrichedTopic.example;
  const text = overrides.text ?? base.text;
  return {
    ...base,
    kind: overrides.kind ?? base.kind,
    author: overrides.author ?? base.author,
    text,
    enrichment: {
      ...base.enrichment,
      normalized: text,
      masked: text,
      rumor: { score: overrides.rumor ?? base.enrichment.rumor.score, reasons: [] },
      sentiment: overrides.sentiment ?? base.enrichment.sentiment,
      categories: (overrides.categories ?? []).map((id) => ({ id: id as never, reasons: [] })),
    },
  };
}

export function aRule(overrides: Partial<AlertRule> = {}): AlertRule {
  return {
    id: 'rule-1',
    version: 1,
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
  };
}

export function aTrigger(overrides: Partial<AlertTrigger> = {}): AlertTrigger {
  return { ...alertTriggersTopic.example, ...overrides };
}
