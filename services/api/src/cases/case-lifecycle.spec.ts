import { CASE_STATES, type Case, type CaseState } from '@liaowang/contract';
import { makeCase } from './case-factory';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASE_MOVES, caseMoveTableMarkdown, CaseMoveForbidden, CaseMoveRefused, checkMove, moveCase } from './case-lifecycle';

const now = new Date('2026-03-02T10:00:00.000Z');
const officer = { username: 'duty1', role: 'duty_officer' as const };
const leader = { username: 'lead1', role: 'leader' as const };

// Filled so every condition holds: what a move then refuses is the table or the role.
function ready(state: CaseState, overrides: Partial<Case> = {}): Case {
  return makeCase({
    state,
    grade: 'III',
    owner: 'lead1',
    closing: { summary: '已处置', outcome: 'resolved' },
    ...overrides,
  });
}

// Every pair of stages: the legal ones with who makes them, all others refused.
const EXPECTED: Record<CaseState, Partial<Record<CaseState, 'officer' | 'leader'>>> = {
  receipt: { assessment: 'officer' },
  assessment: { response: 'officer', archive: 'officer' },
  response: { assessment: 'officer', archive: 'officer' },
  archive: { response: 'leader' },
};

describe('case lifecycle', () => {
  for (const from of CASE_STATES) {
    for (const to of CASE_STATES) {
      const who = EXPECTED[from][to];
      if (who) {
        it(`${from} → ${to} is allowed for a ${who} and appends one timeline entry`, () => {
          const by = who === 'leader' ? leader : officer;
          const moved = moveCase(ready(from), to, by, 'because', now);
          expect(moved.state).toBe(to);
          expect(moved.timeline).toHaveLength(2);
          expect(moved.timeline[1]).toEqual({
            at: now.toISOString(),
            by: by.username,
            type: from === 'archive' ? 'reopened' : 'moved',
            from,
            to,
            reason: 'because',
          });
        });
      } else {
        it(`${from} → ${to} is refused as move-not-allowed`, () => {
          expect(() => moveCase(ready(from), to, leader, 'because', now)).toThrow(
            expect.objectContaining({ rule: 'move-not-allowed', from, to }) as Error,
          );
        });
      }
    }
  }

  it('lists exactly the expected moves in its table', () => {
    const listed = CASE_MOVES.map((m) => `${m.from}>${m.to}`).sort();
    const expected = CASE_STATES.flatMap((from) => Object.keys(EXPECTED[from]).map((to) => `${from}>${to}`)).sort();
    expect(listed).toEqual(expected);
  });

  it('lets only a leader reopen an archived case', () => {
    expect(() => checkMove(ready('archive'), 'response', 'duty_officer')).toThrow(CaseMoveForbidden);
    expect(() => checkMove(ready('archive'), 'response', 'responder')).toThrow(CaseMoveForbidden);
    expect(() => checkMove(ready('receipt'), 'assessment', 'screen')).toThrow(CaseMoveForbidden);
    expect(() => checkMove(ready('receipt'), 'assessment', 'admin')).toThrow(CaseMoveForbidden);
  });

  it('sets archivedAt on archive and clears it on reopen', () => {
    const archived = moveCase(ready('response'), 'archive', officer, 'done', now);
    expect(archived.archivedAt).toBe(now.toISOString());
    expect(moveCase(archived, 'response', leader, 'again', now).archivedAt).toBeUndefined();
  });

  const refusedBy = (kase: Case, to: CaseState) => {
    try {
      checkMove(kase, to, 'duty_officer');
    } catch (error) {
      if (error instanceof CaseMoveRefused) return error.rule;
      throw error;
    }
    return 'allowed';
  };

  it('refuses the response without a grade or an owner', () => {
    expect(refusedBy(ready('assessment', { grade: undefined }), 'response')).toBe('graded-and-owned');
    expect(refusedBy(ready('assessment', { owner: undefined }), 'response')).toBe('graded-and-owned');
  });

  it.each(['assessment', 'response'] as const)(
    'refuses archiving from %s with an open task, an unreleased statement or no closing',
    (from) => {
      const task = {
        id: 't',
        title: 't',
        assignee: 'a',
        dueAt: now.toISOString(),
        createdBy: 'a',
        createdAt: now.toISOString(),
      };
      expect(refusedBy(ready(from, { tasks: [{ ...task, state: 'open' }] }), 'archive')).toBe('no-open-tasks');
      expect(
        refusedBy(
          ready(from, {
            tasks: [
              { ...task, state: 'done' },
              { ...task, state: 'cancelled' },
            ],
          }),
          'archive',
        ),
      ).toBe('allowed');
      const statement = { id: 's', kind: 'statement' as const, tier: 'routine' as const, versions: [], signOffs: [] };
      for (const state of ['draft', 'in_review', 'signed_off'] as const) {
        expect(refusedBy(ready(from, { statements: [{ ...statement, state }] }), 'archive')).toBe(
          'statements-released',
        );
      }
      expect(refusedBy(ready(from, { statements: [{ ...statement, state: 'released' }] }), 'archive')).toBe('allowed');
      expect(refusedBy(ready(from, { closing: undefined }), 'archive')).toBe('closing-written');
    },
  );
});

describe('the move table in docs/ARCHITECTURE.md', () => {
  it('is the table of the code', () => {
    const doc = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'ARCHITECTURE.md'), 'utf8');
    expect(doc).toContain(caseMoveTableMarkdown());
  });
});
