import type { Case } from '@liaowang/contract';

/** A case with nothing filled in, for tests (STYLE habit 11: factories per domain). */
export function makeCase(overrides: Partial<Case> = {}): Case {
  const openedAt = overrides.openedAt ?? '2026-03-02T09:00:00.000Z';
  return {
    id: 'case-1',
    version: 1,
    title: '测试案件',
    state: 'receipt',
    source: { kind: 'manual' },
    links: { alertIds: [], itemIds: [], storyIds: [] },
    clocks: { breaches: [] },
    tasks: [],
    referrals: [],
    evidence: [],
    statements: [],
    timeline: [{ at: openedAt, by: 'duty1', type: 'opened' }],
    openedAt,
    openedBy: 'duty1',
    updatedAt: openedAt,
    ...overrides,
  };
}
