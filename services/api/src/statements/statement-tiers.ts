import {
  currentRound,
  may,
  nextSignOff,
  rolesFor,
  SIGN_OFF_TIERS,
  STATEMENT_TIERS,
  type TierStep,
  type CaseGrade,
  type CaseStatement,
  type Role,
  type StatementTier,
} from '@liaowang/contract';

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
  return rolesFor(step.action);
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
  const step = nextSignOff(statement);
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
