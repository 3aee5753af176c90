import {
  currentRound,
  may,
  nextSignOff,
  SIGN_OFF_TIERS,
  type Action,
  type Case,
  type CaseState,
  type CaseStatement,
  type Role,
  type SignOffStep,
  type StatementTier,
} from '@liaowang/contract';

// What the case page offers a role. A convenience only: the server judges every move again
// (and answers 403/422 naming the rule), so a stale page never lets a wrong press through.

// The server's table of moves (case-lifecycle): forward along 接报 → 研判 → 处置 → 归档, back to
// 研判 from 处置, straight to 归档 from 研判 (nothing to do), and a reopen by a leader.
const OFFERED_MOVES: Record<CaseState, { to: CaseState; action: Action }[]> = {
  receipt: [{ to: 'assessment', action: 'cases.transition' }],
  assessment: [
    { to: 'response', action: 'cases.transition' },
    { to: 'archive', action: 'cases.transition' },
  ],
  response: [
    { to: 'archive', action: 'cases.transition' },
    { to: 'assessment', action: 'cases.transition' },
  ],
  archive: [{ to: 'response', action: 'cases.reopen' }],
};

export function offeredMoves(role: Role, item: Pick<Case, 'state'>): CaseState[] {
  return OFFERED_MOVES[item.state].filter((move) => may(role, move.action)).map((move) => move.to);
}

/** Grading is part of 研判: offered before the case is archived. */
export function mayAssess(role: Role, item: Pick<Case, 'state'>): boolean {
  return may(role, 'cases.transition') && item.state !== 'archive';
}

export function mayWork(role: Role, item: Pick<Case, 'state'>): boolean {
  return may(role, 'cases.work') && item.state !== 'archive';
}

// The sign-off table and its rounds come from the contract: the server judges by the same table.
export function tierSteps(tier: StatementTier): SignOffStep[] {
  return SIGN_OFF_TIERS[tier].map((entry) => entry.step);
}

export function nextStep(statement: CaseStatement): SignOffStep | undefined {
  return nextSignOff(statement)?.step;
}

/** The step this user may sign now, or undefined: sign-off buttons show only to those who may press them. */
export function signableStep(statement: CaseStatement, user: { username: string; role: Role }): SignOffStep | undefined {
  if (statement.state === 'released') return undefined;
  const entry = nextSignOff(statement);
  if (!entry || !may(user.role, entry.action)) return undefined;
  // One person signs one step of a round.
  return currentRound(statement).some((s) => s.by === user.username) ? undefined : entry.step;
}

export function mayRelease(role: Role, statement: CaseStatement): boolean {
  return statement.state === 'signed_off' && may(role, 'statements.release');
}

export function mayDraft(role: Role, item: Pick<Case, 'state'>): boolean {
  return may(role, 'statements.draft') && item.state !== 'archive';
}

export function mayRevise(role: Role, statement: CaseStatement): boolean {
  return may(role, 'statements.draft') && statement.state !== 'released';
}
