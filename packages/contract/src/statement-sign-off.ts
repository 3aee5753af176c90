import type { CaseStatement, StatementSignOff, StatementTier } from './case-statement';
import type { Action } from './permissions';
import type { SignOffStep } from './statement-api';

export interface TierStep {
  step: SignOffStep;
  /** The permission that lets a role give this step (the permission table). */
  action: Action;
}

/**
 * 003 Art. 18 as one table: routine — the editor, then the responsible head; important — the
 * leader in charge; major or sensitive — the principal leader. Steps are given in this order.
 * The API judges sign-offs by it; the dashboard shows the buttons it allows.
 */
export const SIGN_OFF_TIERS: Record<StatementTier, readonly TierStep[]> = {
  routine: [
    { step: 'editor', action: 'statements.signoff.editor' },
    { step: 'responsible_head', action: 'statements.signoff.head' },
  ],
  important: [{ step: 'leader_in_charge', action: 'statements.signoff.important' }],
  major: [{ step: 'principal_leader', action: 'statements.signoff.major' }],
};

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

/** The step a statement waits for, or undefined when its round is complete. */
export function nextSignOff(statement: CaseStatement): TierStep | undefined {
  return SIGN_OFF_TIERS[statement.tier][currentRound(statement).length];
}
