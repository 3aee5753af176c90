import {
  may,
  UNRELEASED_STATEMENT_STATES,
  type Action,
  type Case,
  type CaseState,
  type CaseTimelineEvent,
  type Role,
} from '@liaowang/contract';

// R-CASE-1, STYLE habit 6: the one table of moves between the stages of a case, with who may
// make each (an action of the permission table) and what must be filled first.

/** A condition a move needs; its name is what a 422 answer names. */
export const CASE_MOVE_RULES = {
  'graded-and-owned': {
    holds: (kase: Case) => Boolean(kase.grade && kase.owner),
    message: 'a case is graded and given an owner (PUT …/assessment) before the response starts',
  },
  'no-open-tasks': {
    holds: (kase: Case) => kase.tasks.every((task) => task.state !== 'open'),
    message: 'every task is done or cancelled before archiving',
  },
  'statements-released': {
    holds: (kase: Case) => kase.statements.every((statement) => !UNRELEASED_STATEMENT_STATES.includes(statement.state)),
    message: 'every drafted statement is released (or withdrawn) before archiving',
  },
  'closing-written': {
    holds: (kase: Case) => Boolean(kase.closing?.summary),
    message: 'a closing summary and outcome are written before archiving',
  },
} as const satisfies Record<string, { holds: (kase: Case) => boolean; message: string }>;
export type CaseMoveRule = keyof typeof CASE_MOVE_RULES;

export interface CaseMoveDefinition {
  from: CaseState;
  to: CaseState;
  action: Action;
  requires: readonly CaseMoveRule[];
  /** The timeline entry the move appends. */
  type: 'moved' | 'reopened';
  /** One line for docs/ARCHITECTURE.md. */
  why: string;
}

const ARCHIVE_NEEDS: readonly CaseMoveRule[] = ['no-open-tasks', 'statements-released', 'closing-written'];

export const CASE_MOVES: readonly CaseMoveDefinition[] = [
  {
    from: 'receipt',
    to: 'assessment',
    action: 'cases.transition',
    requires: [],
    type: 'moved',
    why: 'start assessing what was received',
  },
  {
    from: 'assessment',
    to: 'response',
    action: 'cases.transition',
    requires: ['graded-and-owned'],
    type: 'moved',
    why: 'respond once graded and owned',
  },
  {
    from: 'response',
    to: 'assessment',
    action: 'cases.transition',
    requires: [],
    type: 'moved',
    why: 're-assess when the facts change',
  },
  {
    from: 'assessment',
    to: 'archive',
    action: 'cases.transition',
    requires: ARCHIVE_NEEDS,
    type: 'moved',
    why: 'close a case judged to need no response',
  },
  {
    from: 'response',
    to: 'archive',
    action: 'cases.transition',
    requires: ARCHIVE_NEEDS,
    type: 'moved',
    why: 'close after the response',
  },
  {
    from: 'archive',
    to: 'response',
    action: 'cases.reopen',
    requires: [],
    type: 'reopened',
    why: 'reopen when the matter flares up again',
  },
];

/** Why a move was refused: `rule` is 'move-not-allowed' or the unmet CaseMoveRule (422). */
export class CaseMoveRefused extends Error {
  constructor(
    readonly rule: CaseMoveRule | 'move-not-allowed',
    readonly from: CaseState,
    readonly to: CaseState,
    detail: string,
  ) {
    super(`cannot move a case from ${from} to ${to}: ${detail} (rule ${rule})`);
    this.name = 'CaseMoveRefused';
  }
}

/** The role may not make this move (403). */
export class CaseMoveForbidden extends Error {
  constructor(
    readonly action: Action,
    readonly role: Role,
  ) {
    super(`moving this case needs ${action}, which ${role} does not hold`);
    this.name = 'CaseMoveForbidden';
  }
}

export function findMove(from: CaseState, to: CaseState): CaseMoveDefinition | undefined {
  return CASE_MOVES.find((move) => move.from === from && move.to === to);
}

/** Checks the table, the role and the conditions; the first unmet one is thrown. */
export function checkMove(kase: Case, to: CaseState, role: Role): CaseMoveDefinition {
  const move = findMove(kase.state, to);
  if (!move) {
    const allowed = CASE_MOVES.filter((m) => m.from === kase.state).map((m) => m.to);
    throw new CaseMoveRefused(
      'move-not-allowed',
      kase.state,
      to,
      `from ${kase.state} a case may go to ${allowed.join(', ') || 'nowhere'}`,
    );
  }
  if (!may(role, move.action)) throw new CaseMoveForbidden(move.action, role);
  for (const rule of move.requires) {
    if (!CASE_MOVE_RULES[rule].holds(kase))
      throw new CaseMoveRefused(rule, kase.state, to, CASE_MOVE_RULES[rule].message);
  }
  return move;
}

/** Applies one move and appends its timeline entry (the version is bumped where the case is written). */
export function moveCase(
  kase: Case,
  to: CaseState,
  by: { username: string; role: Role },
  reason: string,
  now: Date,
): Case {
  const move = checkMove(kase, to, by.role);
  const at = now.toISOString();
  const entry: CaseTimelineEvent = { at, by: by.username, type: move.type, from: kase.state, to, reason };
  const moved: Case = { ...kase, state: to, timeline: [...kase.timeline, entry], updatedAt: at };
  if (to === 'archive') moved.archivedAt = at;
  else delete moved.archivedAt;
  return moved;
}

/** The table as Markdown, for docs/ARCHITECTURE.md (kept in sync by a test). */
export function caseMoveTableMarkdown(): string {
  const rows = CASE_MOVES.map(
    (m) =>
      `| ${m.from} | ${m.to} | \`${m.action}\` | ${m.requires.map((r) => `\`${r}\``).join(', ') || '—'} | ${m.why} |`,
  );
  return ['| from | to | action | needs first | why |', '|---|---|---|---|---|', ...rows].join('\n');
}
