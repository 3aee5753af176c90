import { nextSignOff as nextStep, SIGN_OFF_TIERS, type CaseStatement, type Role, type StatementSignOff, type StatementTier } from '@liaowang/contract';
import { effectiveTier, judgeSignOff, stateAfterSignOffs } from './statement-tiers';

function statement(tier: StatementTier, signOffs: Partial<StatementSignOff>[] = [], n = 1): CaseStatement {
  return {
    id: 's1',
    kind: 'statement',
    tier,
    versions: Array.from({ length: n }, (_, i) => ({
      n: i + 1,
      text: `v${i + 1}`,
      by: 'responder',
      at: '2026-01-01T00:00:00Z',
    })),
    signOffs: signOffs.map((s) => ({
      by: 'x',
      role: 'duty_officer',
      at: '2026-01-01T01:00:00Z',
      decision: 'approve',
      versionN: n,
      ...s,
    })),
    state: 'draft',
  };
}
const user = (username: string, role: Role) => ({ username, role });

describe('SIGN_OFF_TIERS', () => {
  it('orders the steps of 003 Art. 18 per tier', () => {
    expect(
      Object.fromEntries(Object.entries(SIGN_OFF_TIERS).map(([tier, steps]) => [tier, steps.map((s) => s.step)])),
    ).toEqual({
      routine: ['editor', 'responsible_head'],
      important: ['leader_in_charge'],
      major: ['principal_leader'],
    });
  });
});

describe('judgeSignOff', () => {
  // Every role against the first step of every tier: who may give it, who is refused with 403.
  const allowed: Record<StatementTier, Role[]> = {
    routine: ['duty_officer', 'responder'],
    important: ['leader'],
    major: ['leader'],
  };
  for (const tier of ['routine', 'important', 'major'] as const) {
    for (const role of ['duty_officer', 'responder', 'leader', 'admin', 'screen'] as const) {
      const expected = allowed[tier].includes(role);
      it(`${expected ? 'lets' : 'refuses'} ${role} on the first step of a ${tier} statement`, () => {
        const verdict = judgeSignOff(statement(tier), user('u', role));
        if (expected) expect(verdict).toMatchObject({ ok: true, step: SIGN_OFF_TIERS[tier][0] });
        else expect(verdict).toMatchObject({ ok: false, status: 403, rule: 'statement-signoff-role' });
      });
    }
  }

  it('gives the responsible head to a duty officer or leader after the editor, never to a responder', () => {
    const edited = statement('routine', [{ by: 'resp', role: 'responder', step: 'editor' }]);
    expect(judgeSignOff(edited, user('duty', 'duty_officer'))).toMatchObject({
      ok: true,
      step: { step: 'responsible_head' },
    });
    expect(judgeSignOff(edited, user('leader', 'leader'))).toMatchObject({
      ok: true,
      step: { step: 'responsible_head' },
    });
    expect(judgeSignOff(edited, user('resp2', 'responder'))).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses the same person a second step (422)', () => {
    const edited = statement('routine', [{ by: 'duty', role: 'duty_officer', step: 'editor' }]);
    expect(judgeSignOff(edited, user('duty', 'duty_officer'))).toMatchObject({
      ok: false,
      status: 422,
      rule: 'statement-same-signer',
    });
  });

  it('has nothing left to sign once every step is given, and never signs a released statement', () => {
    const done = statement('major', [{ by: 'leader', role: 'leader', step: 'principal_leader' }]);
    expect(judgeSignOff(done, user('leader2', 'leader'))).toMatchObject({
      ok: false,
      status: 422,
      rule: 'statement-signed-off',
    });
    expect(judgeSignOff({ ...done, state: 'released' }, user('leader2', 'leader'))).toMatchObject({
      rule: 'statement-released',
    });
  });
});

describe('nextStep and stateAfterSignOffs', () => {
  it('walks a routine statement from draft through review to signed off', () => {
    expect(stateAfterSignOffs(statement('routine'))).toBe('draft');
    const one = statement('routine', [{ by: 'resp', step: 'editor' }]);
    expect(stateAfterSignOffs(one)).toBe('in_review');
    expect(nextStep(one)?.step).toBe('responsible_head');
    const two = statement('routine', [
      { by: 'resp', step: 'editor' },
      { by: 'duty', step: 'responsible_head' },
    ]);
    expect(stateAfterSignOffs(two)).toBe('signed_off');
    expect(nextStep(two)).toBeUndefined();
  });

  it('starts again after a rejection', () => {
    const rejected = statement('routine', [
      { by: 'resp', step: 'editor' },
      { by: 'duty', step: 'responsible_head', decision: 'reject' },
    ]);
    expect(stateAfterSignOffs(rejected)).toBe('draft');
    expect(nextStep(rejected)?.step).toBe('editor');
  });

  it('lets sign-offs of an earlier version lapse', () => {
    const revised = statement('major', [{ by: 'leader', step: 'principal_leader', versionN: 1 }], 2);
    expect(stateAfterSignOffs(revised)).toBe('draft');
    expect(nextStep(revised)?.step).toBe('principal_leader');
  });
});

describe('effectiveTier', () => {
  it('raises the tier to what the grade demands and never lowers it', () => {
    expect(effectiveTier('routine', undefined)).toBe('routine');
    expect(effectiveTier('routine', 'IV')).toBe('routine');
    expect(effectiveTier('routine', 'III')).toBe('important');
    expect(effectiveTier('important', 'II')).toBe('major');
    expect(effectiveTier('routine', 'I')).toBe('major');
    expect(effectiveTier('major', 'IV')).toBe('major');
  });
});
