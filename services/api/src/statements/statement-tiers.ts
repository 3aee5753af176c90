import {
  may,
  STATEMENT_TIERS,
  type Action,
  type CaseGrade,
  type CaseStatement,
  type Role,
  type SignOffStep,
  type StatementSignOff,
  type StatementTier,
} from '@liaowang/contract';

export interface TierStep {
  step: SignOffStep;
  /** The permission that lets a role give this step (packages/contract permissions). */
  action: Action;
}

/**
 * 003 Art. 18 as one table: routine — the editor, then the responsible head; important — the
 * leader in charge; major or sensitive — the principal leader. Steps are given in this order.
 */
export const SIGN_OFF_TIERS: Record<StatementTier, readonly TierStep[]> = {
  routine: [
    { step: 'editor', action: 'statements.signoff.editor' },
    { step: 'responsible_head', action: 'statements.signoff.head' },
  ],
  important: [{ step: 'leader_in_charge', action: 'statements.signoff.important' }],
  major: [{ step: 'principal_leader', action: 'statements.signoff.major' }],
};

// A case's grade sets the lowest tier its statements may take: a 较大 case speaks through the
// leader in charge, a 重大 or 特别重大 one through the principal leader (003 Art. 18, 25).
const TIER_FLOOR: Record<CaseGrade, StatementTier> = { IV: 'routine', III: 'important', II: 'major', I: 'major' };

/** The tier asked for, raised to what the case's grade demands. */
export function effectiveTier(requested: StatementTier, grade: CaseGrade | undefined): StatementTier {
  const floor = grade ? TIER_FLOOR[grade] : 'routine';
  return STATEMENT_TIERS.indexOf(floor) > STATEMENT_TIERS.indexOf(requested) ? floor : requested;
}

/** The roles that may give a step of a tier. */
export function rolesForStep(step: TierStep): Role[] {
  return (['duty_officer', 'responder', 'leader', 'admin', 'screen'] as const).filter((role) => may(role, step.action));
}

/** The latest text version of a statement. */
export function currentVersion(statement: CaseStatement): number {
  return statement.versions[statement.versions.length - 1]?.n ?? 0;
}

/**
 * The approvals that count now: those on the current text version since its last rejection.
 * A new version or a rejection starts the round of sign-offs again.
 */
export function currentRound(statement: CaseStatement): StatementSignOff[] {
  const n = currentVersion(statement);
  const onVersion = statement.signOffs.filter((s) => s.versionN === n);
  const lastReject = onVersion.map((s) => s.decision).lastIndexOf('reject');
  return onVersion.slice(lastReject + 1).filter((s) => s.decision === 'approve');
}

/** The next step to give, or undefined when every step of the tier is given. */
export function nextStep(statement: CaseStatement): TierStep | undefined {
  return SIGN_OFF_TIERS[statement.tier][currentRound(statement).length];
}

export type SignOffVerdict =
  { ok: true; step: TierStep } | { ok: false; status: 403 | 422; rule: string; message: string; step?: TierStep };

/** Whether `user` may give the statement's next step now, and which step that is. */
export function judgeSignOff(statement: CaseStatement, user: { username: string; role: Role }): SignOffVerdict {
  if (statement.state === 'released') {
    return {
      ok: false,
      status: 422,
      rule: 'statement-released',
      message: 'a released statement is not signed off again',
    };
  }
  const step = nextStep(statement);
  if (!step)
    return {
      ok: false,
      status: 422,
      rule: 'statement-signed-off',
      message: 'every step of its tier is already signed off',
    };
  if (!may(user.role, step.action)) {
    return {
      ok: false,
      status: 403,
      rule: 'statement-signoff-role',
      step,
      message: `step ${step.step} of a ${statement.tier} statement is given by ${rolesForStep(step).join(' or ')}, not ${user.role}`,
    };
  }
  if (currentRound(statement).some((s) => s.by === user.username)) {
    return {
      ok: false,
      status: 422,
      rule: 'statement-same-signer',
      step,
      message: 'one person signs one step: another must give this one',
    };
  }
  return { ok: true, step };
}

/** The statement's state after its sign-offs: draft, in review, or signed off. */
export function stateAfterSignOffs(statement: CaseStatement): CaseStatement['state'] {
  if (statement.state === 'released') return 'released';
  const given = currentRound(statement).length;
  if (given === 0) return 'draft';
  return given >= SIGN_OFF_TIERS[statement.tier].length ? 'signed_off' : 'in_review';
}
