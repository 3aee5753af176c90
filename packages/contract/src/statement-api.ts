import { z } from 'zod';
import { CATEGORY_IDS, PII_TYPES } from './enrichment';
import type { Alert } from './alert';
import type { Case, CaseAgreedLine } from './case';
import { STATEMENT_KINDS, STATEMENT_TIERS, type CaseStatement, type StatementTier } from './case-statement';

// R-CASE-3: the statement routes of a case (draft, revise, check, diff, tiered sign-off, release)
// and the closing route (R-CASE-6). The stored shapes are in case-statement.ts and case.ts.

/** A statement is short public text; a long article is not a statement. */
export const STATEMENT_MAX_CHARS = 20_000;

const version = z.number().int().min(1);
const text = z.string().trim().min(1).max(STATEMENT_MAX_CHARS);

/** POST /api/v1/cases/{id}/statements: a first draft (version 1 of the text). */
export const statementDraftSchema = z
  .object({ kind: z.enum(STATEMENT_KINDS), tier: z.enum(STATEMENT_TIERS), text, version })
  .strict();
export type StatementDraft = z.infer<typeof statementDraftSchema>;

/** PUT /api/v1/cases/{id}/statements/{sid}: the next version of the text; earlier sign-offs lapse. */
export const statementReviseSchema = z.object({ text, version }).strict();
export type StatementRevise = z.infer<typeof statementReviseSchema>;

export const SIGN_OFF_DECISIONS = ['approve', 'reject'] as const;
export type SignOffDecision = (typeof SIGN_OFF_DECISIONS)[number];

/** POST /api/v1/cases/{id}/statements/{sid}/sign-offs: the next step of the statement's tier. */
export const statementSignOffSchema = z
  .object({ decision: z.enum(SIGN_OFF_DECISIONS), note: z.string().trim().min(1).max(2_000).optional(), version })
  .strict()
  .refine((body) => body.decision === 'approve' || body.note !== undefined, {
    message: 'a rejection says why',
    path: ['note'],
  });
export type StatementSignOffInput = z.infer<typeof statementSignOffSchema>;

/** POST /api/v1/cases/{id}/statements/{sid}/release: only a fully signed-off statement. */
export const statementReleaseSchema = z.object({ version }).strict();
export type StatementReleaseInput = z.infer<typeof statementReleaseSchema>;

/** GET /api/v1/cases/{id}/statements/{sid}/diff?from=&to= (text versions; default: the last two). */
export const statementDiffQueryFields = z.object({
  from: z.coerce.number().int().min(1).optional(),
  to: z.coerce.number().int().min(1).optional(),
});
export type StatementDiffQuery = z.infer<typeof statementDiffQueryFields>;

/**
 * The steps of 003 Art. 18 and the role that gives each (one `leader` role holds both the leader
 * in charge and the principal leader: which person signs is the organisation's roster, not ours).
 */
export const SIGN_OFF_STEPS = ['editor', 'responsible_head', 'leader_in_charge', 'principal_leader'] as const;
export type SignOffStep = (typeof SIGN_OFF_STEPS)[number];
export const SIGN_OFF_STEP_NAMES: Record<SignOffStep, string> = {
  editor: '编辑审核',
  responsible_head: '负责人审签',
  leader_in_charge: '分管领导审签',
  principal_leader: '主要领导审签',
};
export const STATEMENT_TIER_NAMES: Record<StatementTier, string> = {
  routine: '一般',
  important: '重要',
  major: '重大敏感',
};

// ---- pre-sign-off checks ----

/** 001 Art. 8 (内外有别), 004 Art. 14: words that mark a text as not for the public. */
export const SECRECY_MARKERS = ['内部资料', '不宜公开', '绝密', '机密', '秘密', '内部'] as const;

export const DRAFT_FINDING_KINDS = ['category', 'pii', 'secrecy'] as const;
export type DraftFindingKind = (typeof DRAFT_FINDING_KINDS)[number];

/** One risk found in a draft, at [start, end) of its text (UTF-16 units), so it can be shown in place. */
export interface DraftFinding {
  kind: DraftFindingKind;
  /** The category id, the PII type, or the secrecy marker. */
  code: (typeof CATEGORY_IDS)[number] | (typeof PII_TYPES)[number] | (typeof SECRECY_MARKERS)[number];
  /** Absent when a category fired on the text as a whole (e.g. a pattern across normalised text). */
  start?: number;
  end?: number;
  /** What was found (a PII value is masked). */
  excerpt: string;
  /** Why, in the category matcher's words (`term:…`, `pattern:…`). */
  reason?: string;
}

export interface DraftCheckResult {
  /** The text version checked. */
  versionN: number;
  checkedAt: string;
  findings: DraftFinding[];
  /** No finding at all. Findings do not block sign-off: the reviewer decides, seeing them. */
  clean: boolean;
}

// ---- diff ----

export interface StatementDiffPart {
  op: 'same' | 'added' | 'removed';
  lines: string[];
}

export interface StatementDiff {
  from: number;
  to: number;
  parts: StatementDiffPart[];
  added: number;
  removed: number;
}

// ---- answers ----

/** What a statement write answers: the case at its new version (for the next write) and the statement. */
export interface StatementWriteResponse {
  case: Case;
  statement: CaseStatement;
}

/** The case an alert or item is linked to, with its agreed line (统一口径), as the alert detail shows it. */
export interface LinkedCaseLine {
  id: string;
  title: string;
  agreedLine?: CaseAgreedLine;
}

/** GET /api/v1/alerts/{id}: the alert and, once it is linked to a case, that case and its agreed line. */
export type AlertDetail = Alert & { case?: LinkedCaseLine };

/** GET /api/v1/items/{id}/case: the case an item is linked to and its agreed line, or null. */
export interface ItemCaseResponse {
  case: LinkedCaseLine | null;
}
