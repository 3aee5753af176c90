import type { CaseStatement } from '@liaowang/contract';
import { mayAssess, mayRelease, nextStep, offeredMoves, signableStep } from './case-controls';

function statement(over: Partial<CaseStatement> = {}): CaseStatement {
  return {
    id: 's1',
    kind: 'statement',
    tier: 'routine',
    versions: [{ n: 1, text: '通报', by: 'duty', at: '2026-03-02T02:00:00Z' }],
    signOffs: [],
    state: 'draft',
    ...over,
  };
}

const duty = { username: 'duty', role: 'duty_officer' } as const;
const responder = { username: 'responder', role: 'responder' } as const;
const leader = { username: 'leader', role: 'leader' } as const;
const admin = { username: 'admin', role: 'admin' } as const;

describe('offeredMoves', () => {
  it('offers the next stage to roles that move cases, nothing to others', () => {
    expect(offeredMoves('duty_officer', { state: 'receipt' })).toEqual(['assessment']);
    expect(offeredMoves('responder', { state: 'assessment' })).toEqual(['response', 'archive']);
    expect(offeredMoves('leader', { state: 'response' })).toEqual(['archive', 'assessment']);
    expect(offeredMoves('admin', { state: 'receipt' })).toEqual([]);
    expect(offeredMoves('screen', { state: 'receipt' })).toEqual([]);
  });
  it('offers the reopen of an archived case to a leader only', () => {
    expect(offeredMoves('leader', { state: 'archive' })).toEqual(['response']);
    expect(offeredMoves('duty_officer', { state: 'archive' })).toEqual([]);
  });
  it('offers grading until the case is archived', () => {
    expect(mayAssess('duty_officer', { state: 'assessment' })).toBe(true);
    expect(mayAssess('duty_officer', { state: 'archive' })).toBe(false);
    expect(mayAssess('admin', { state: 'assessment' })).toBe(false);
  });
});

describe('signableStep', () => {
  it('routine: the editor first (duty officer or responder), then the responsible head (duty officer or leader)', () => {
    const draft = statement();
    expect(signableStep(draft, responder)).toBe('editor');
    expect(signableStep(draft, duty)).toBe('editor');
    expect(signableStep(draft, leader)).toBeUndefined();
    const edited = statement({ state: 'in_review', signOffs: [{ by: 'responder', role: 'responder', at: '', step: 'editor', versionN: 1, decision: 'approve' }] });
    expect(nextStep(edited)).toBe('responsible_head');
    expect(signableStep(edited, leader)).toBe('responsible_head');
    expect(signableStep(edited, responder)).toBeUndefined();
  });
  it('important and major statements: only a leader signs', () => {
    for (const tier of ['important', 'major'] as const) {
      expect(signableStep(statement({ tier }), leader)).toBeDefined();
      expect(signableStep(statement({ tier }), duty)).toBeUndefined();
      expect(signableStep(statement({ tier }), admin)).toBeUndefined();
    }
  });
  it('one person signs one step of a round', () => {
    const edited = statement({ signOffs: [{ by: 'duty', role: 'duty_officer', at: '', step: 'editor', versionN: 1, decision: 'approve' }] });
    expect(signableStep(edited, duty)).toBeUndefined();
  });
  it('a new version or a rejection starts the round again', () => {
    const revised = statement({
      versions: [...statement().versions, { n: 2, text: '通报（修订）', by: 'duty', at: '' }],
      signOffs: [{ by: 'responder', role: 'responder', at: '', step: 'editor', versionN: 1, decision: 'approve' }],
    });
    expect(nextStep(revised)).toBe('editor');
    const rejected = statement({
      signOffs: [
        { by: 'responder', role: 'responder', at: '', step: 'editor', versionN: 1, decision: 'approve' },
        { by: 'leader', role: 'leader', at: '', step: 'responsible_head', versionN: 1, decision: 'reject', note: '改' },
      ],
    });
    expect(nextStep(rejected)).toBe('editor');
  });
  it('nothing to sign once every step is given or the statement is released', () => {
    const done = statement({ tier: 'important', state: 'signed_off', signOffs: [{ by: 'leader', role: 'leader', at: '', versionN: 1, decision: 'approve' }] });
    expect(signableStep(done, leader)).toBeUndefined();
    expect(signableStep(statement({ state: 'released' }), responder)).toBeUndefined();
  });
});

describe('mayRelease', () => {
  it('a signed-off statement is released by a duty officer or a leader', () => {
    expect(mayRelease('duty_officer', statement({ state: 'signed_off' }))).toBe(true);
    expect(mayRelease('leader', statement({ state: 'signed_off' }))).toBe(true);
    expect(mayRelease('responder', statement({ state: 'signed_off' }))).toBe(false);
    expect(mayRelease('leader', statement({ state: 'in_review' }))).toBe(false);
  });
});
