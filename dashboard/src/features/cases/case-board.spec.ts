import type { Case } from '@liaowang/contract';
import { boardColumns, mergeCase, ownersOf } from './case-board';

const HOUR = 60 * 60_000;
const now = Date.parse('2026-03-02T10:00:00+08:00');
const iso = (ms: number) => new Date(ms).toISOString();

function aCase(id: string, over: Partial<Case> = {}): Case {
  return {
    id,
    version: 1,
    title: `事件 ${id}`,
    state: 'receipt',
    source: { kind: 'manual' },
    links: { alertIds: [], itemIds: [], storyIds: [] },
    clocks: { breaches: [] },
    tasks: [],
    referrals: [],
    evidence: [],
    statements: [],
    timeline: [],
    openedAt: iso(now - HOUR),
    openedBy: 'duty',
    updatedAt: iso(now - HOUR),
    ...over,
  };
}

const graded = (id: string, dueInHours: number, over: Partial<Case> = {}) =>
  aCase(id, { state: 'assessment', grade: 'III', owner: 'leader', clocks: { firstReleaseDueAt: iso(now + dueInHours * HOUR), breaches: [] }, ...over });

describe('boardColumns', () => {
  it('puts every case in the column of its stage, in lifecycle order', () => {
    const columns = boardColumns([aCase('a'), graded('b', 3), aCase('c', { state: 'archive' }), aCase('d', { state: 'response' })], {}, now);
    expect(Object.keys(columns)).toEqual(['receipt', 'assessment', 'response', 'archive']);
    expect(Object.values(columns).map((column) => column.map((c) => c.id))).toEqual([['a'], ['b'], ['d'], ['c']]);
  });

  it('sorts the most urgent clock first, then the cases without a clock by newest', () => {
    const older = aCase('old', { state: 'assessment', openedAt: iso(now - 5 * HOUR) });
    const newer = aCase('new', { state: 'assessment', openedAt: iso(now - HOUR) });
    const columns = boardColumns([older, graded('later', 4), newer, graded('soon', 1)], {}, now);
    expect(columns.assessment.map((c) => c.id)).toEqual(['soon', 'later', 'new', 'old']);
  });

  it('filters by grade, owner and clock at risk', () => {
    const cases = [graded('risk', 0.2), graded('breached', -1, { grade: 'II' }), graded('fine', 4, { owner: 'responder' }), aCase('none')];
    const ids = (filter: Parameters<typeof boardColumns>[1]) => Object.values(boardColumns(cases, filter, now)).flat().map((c) => c.id).sort();
    expect(ids({ grade: 'III' })).toEqual(['fine', 'risk']);
    expect(ids({ owner: 'responder' })).toEqual(['fine']);
    expect(ids({ atRisk: true })).toEqual(['breached', 'risk']);
    expect(ids({ atRisk: true, grade: 'II' })).toEqual(['breached']);
  });
});

describe('mergeCase', () => {
  it('adds a new case, replaces an older copy, keeps a newer one', () => {
    const list = [aCase('a', { version: 3 })];
    expect(mergeCase(list, aCase('b')).map((c) => c.id)).toEqual(['b', 'a']);
    expect(mergeCase(list, aCase('a', { version: 4, title: '新' }))[0].title).toBe('新');
    expect(mergeCase(list, aCase('a', { version: 2, title: '旧' }))[0].version).toBe(3);
  });
});

describe('ownersOf', () => {
  it('lists each owner once, sorted', () => {
    expect(ownersOf([graded('a', 1), graded('b', 1, { owner: 'duty' }), aCase('c'), graded('d', 1)])).toEqual(['duty', 'leader']);
  });
});
