import type { DraftCheckResult } from './statement-api';

// R-CASE-3 (003 Art. 18, 25; 004 Art. 12): statements and rumor rebuttals drafted inside a case.
// The statement routes (versions, checks, tiered sign-off, release) build on these shapes.

export const STATEMENT_KINDS = ['statement', 'rebuttal'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

/** 003 Art. 18: routine → editor and responsible head; important → leader in charge; major/sensitive → principal leader. */
export const STATEMENT_TIERS = ['routine', 'important', 'major'] as const;
export type StatementTier = (typeof STATEMENT_TIERS)[number];

export const STATEMENT_STATES = ['draft', 'in_review', 'signed_off', 'released'] as const;
export type StatementState = (typeof STATEMENT_STATES)[number];

/** States in which a statement still blocks archiving (drafted but never released). */
export const UNRELEASED_STATEMENT_STATES: readonly StatementState[] = ['draft', 'in_review', 'signed_off'];

export interface StatementVersion {
  n: number;
  text: string;
  by: string;
  at: string;
}

export interface StatementSignOff {
  by: string;
  role: string;
  at: string;
  /** Which step of the tier this sign-off gives (e.g. 'editor', 'head', 'leader_in_charge', 'principal_leader'). */
  step?: string;
  /** The statement version signed off. */
  versionN?: number;
  /** Approve passes the step; reject sends the text back to draft (statements routes). */
  decision?: 'approve' | 'reject';
  note?: string;
}

export interface CaseStatement {
  id: string;
  kind: StatementKind;
  tier: StatementTier;
  versions: StatementVersion[];
  signOffs: StatementSignOff[];
  state: StatementState;
  releasedAt?: string;
  /** Findings of the pre-sign-off checks on the current version, owned by the statement routes. */
  checks?: DraftCheckResult;
}
