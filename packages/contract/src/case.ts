import { z } from 'zod';
import type { CaseStatement } from './case-statement';

// R-CASE-1…6: an emergency case from receipt to archive. One state field, one table of moves
// (services/api/src/cases/case-lifecycle.ts) and an append-only typed timeline inside the case
// document, so a change and its record are one write (STYLE habit 6).

/** 接报 → 研判 → 处置 → 归档 */
export const CASE_STATES = ['receipt', 'assessment', 'response', 'archive'] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** China's emergency-response levels, mildest first: 一般 / 较大 / 重大 / 特别重大. */
export const CASE_GRADES = ['IV', 'III', 'II', 'I'] as const;
export type CaseGrade = (typeof CASE_GRADES)[number];
export const CASE_GRADE_NAMES: Record<CaseGrade, string> = { IV: '一般', III: '较大', II: '重大', I: '特别重大' };

/** Who owns a case of a grade (003 Art. 18's tiers): 科室负责人 / 分管领导 / 主要领导. */
export const OWNER_LEVELS = ['section_head', 'leader_in_charge', 'principal_leader'] as const;
export type OwnerLevel = (typeof OWNER_LEVELS)[number];
export const OWNER_LEVEL_NAMES: Record<OwnerLevel, string> = {
  section_head: '科室负责人',
  leader_in_charge: '分管领导',
  principal_leader: '主要领导',
};

export const CASE_SOURCE_KINDS = ['alert', 'impostor_report', 'manual'] as const;
export type CaseSourceKind = (typeof CASE_SOURCE_KINDS)[number];

export interface CaseSource {
  kind: CaseSourceKind;
  alertId?: string;
  /** The item the case came from (an impostor report is an item of kind impostor_report). */
  itemId?: string;
}

export interface CaseLinks {
  alertIds: string[];
  itemIds: string[];
  storyIds: string[];
}

export const CASE_CLOCKS = ['first_release', 'update', 'close'] as const;
export type CaseClock = (typeof CASE_CLOCKS)[number];

export interface CaseClockBreach {
  clock: CaseClock;
  /** The deadline missed; a clock breaches once per deadline. */
  dueAt: string;
  /** When the breach was recorded. */
  at: string;
  /** When its outbound notice was sent (or found no channel) and noted in the timeline. */
  notifiedAt?: string;
}

/** The API instance sending the notices of breaches not yet notified; another takes over after a lease. */
export interface CaseNoticeClaim {
  by: string;
  at: string;
}

/** Deadlines computed from the grade and the clock policy (absent until the case is graded). */
export interface CaseClocks {
  /** First authoritative release, counted from receipt (openedAt). */
  firstReleaseDueAt?: string;
  /** Next update, counted from the latest release; absent before the first release. */
  nextUpdateDueAt?: string;
  /** Close (archive), counted from receipt, in working days where the policy says so. */
  closeDueAt?: string;
  breaches: CaseClockBreach[];
  /** Set with the breaches it is for and cleared when their notice is noted: a claim left behind by an instance that stopped is taken over. */
  noticeClaim?: CaseNoticeClaim;
  /** The grade's row of the clock policy when the case was graded (STYLE habit 7: a snapshot, so a later policy edit does not move deadlines). */
  policy?: GradeClock & { version: number };
}

export const CASE_TASK_STATES = ['open', 'done', 'cancelled'] as const;
export type CaseTaskState = (typeof CASE_TASK_STATES)[number];

export interface CaseTask {
  id: string;
  title: string;
  assignee: string;
  dueAt: string;
  state: CaseTaskState;
  createdBy: string;
  createdAt: string;
  updatedAt?: string;
}

/** 转送相关部门办理 (003 Art. 30): 宣传 / 网信 / 公安 / the responsible business department. */
export const REFERRAL_TARGETS = ['publicity', 'cyberspace', 'police', 'business'] as const;
export type ReferralTarget = (typeof REFERRAL_TARGETS)[number];
export const REFERRAL_TARGET_NAMES: Record<ReferralTarget, string> = {
  publicity: '宣传部门',
  cyberspace: '网信部门',
  police: '公安机关',
  business: '业务主管部门',
};

export interface CaseReferral {
  id: string;
  to: ReferralTarget;
  /** The business department by name (or a unit within the others). */
  department?: string;
  /** What was sent. */
  sent: string;
  sentAt: string;
  sentBy: string;
  reply?: string;
  repliedAt?: string;
  /** Who recorded the reply. */
  repliedBy?: string;
}

export const EVIDENCE_KINDS = ['item', 'alert', 'story', 'url', 'file'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** What an uploaded file may be (R-CASE-5: screenshots and documents). */
export const EVIDENCE_MEDIA_TYPES = ['image/png', 'image/jpeg', 'application/pdf', 'text/plain'] as const;
export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/**
 * What a multipart upload (POST /api/v1/cases/{id}/evidence/files) may be, told by its bytes:
 * screenshots and photos, PDF, the common office documents (Word, Excel, PowerPoint, old and
 * new formats) and plain UTF-8 text. Anything else is refused with 415 naming what it is.
 */
export const EVIDENCE_FILE_MEDIA_TYPES = [
  ...EVIDENCE_MEDIA_TYPES,
  'image/gif',
  'image/webp',
  'image/bmp',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
] as const;
export type EvidenceFileMediaType = (typeof EVIDENCE_FILE_MEDIA_TYPES)[number];

/** The multipart form fields beside the file part (named `file`) of an evidence upload. */
export const caseEvidenceFileFieldsSchema = z
  .object({
    version: z.coerce.number().int().min(1),
    note: z.string().trim().max(2_000).optional(),
  })
  .strict();
export type CaseEvidenceFileFields = z.infer<typeof caseEvidenceFileFieldsSchema>;

/** The header a downloaded evidence file carries its SHA-256 in (hex), to check against the case's record. */
export const EVIDENCE_SHA256_HEADER = 'x-content-sha256';

export interface CaseEvidence {
  id: string;
  kind: EvidenceKind;
  /** Item, alert or story id; the URL; for a file, its SHA-256 (the bytes live in the case files index). */
  ref: string;
  sha256?: string;
  size?: number;
  mediaType?: EvidenceFileMediaType;
  name?: string;
  note?: string;
  addedBy: string;
  addedAt: string;
  /** Unlinked, never deleted: who, when and why (R-CASE-5). */
  removed?: { by: string; at: string; reason: string };
}

export const CASE_OUTCOMES = ['resolved', 'rumor_debunked', 'referred', 'no_action', 'other'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export interface CaseClosing {
  summary: string;
  outcome: CaseOutcome;
  lessons?: string;
  by?: string;
  at?: string;
}

/** 统一口径 (004 Art. 12): the released statement every officer answers the public with. */
export interface CaseAgreedLine {
  statementId: string;
  text: string;
  releasedAt: string;
}

export const CASE_TIMELINE_TYPES = [
  'opened',
  'moved',
  'reopened',
  'assessed',
  'linked',
  'task_added',
  'task_updated',
  'referral_sent',
  'referral_replied',
  'evidence_added',
  'evidence_removed',
  'clock_breached',
  /** The breach's notice went out through the notify channels (or no channel was there to take it). */
  'clock_breach_notified',
  'statement_drafted',
  'statement_revised',
  'statement_submitted',
  'statement_signed_off',
  'statement_signoff_refused',
  'statement_released',
  'closing_written',
] as const;
export type CaseTimelineType = (typeof CASE_TIMELINE_TYPES)[number];

/** One entry of the append-only timeline; `by` is a username or 'system'. */
export interface CaseTimelineEvent {
  at: string;
  by: string;
  type: CaseTimelineType;
  from?: string;
  to?: string;
  reason?: string;
  detail?: string;
}

/** A case as stored (cases index) and pushed (`cases:updated`). */
export interface Case {
  id: string;
  /** Optimistic-concurrency counter: every write sends the version it read; a stale one gets 409. */
  version: number;
  title: string;
  summary?: string;
  state: CaseState;
  grade?: CaseGrade;
  /** Username of the owner. */
  owner?: string;
  ownerLevel?: OwnerLevel;
  source: CaseSource;
  links: CaseLinks;
  clocks: CaseClocks;
  tasks: CaseTask[];
  referrals: CaseReferral[];
  evidence: CaseEvidence[];
  statements: CaseStatement[];
  agreedLine?: CaseAgreedLine;
  closing?: CaseClosing;
  timeline: CaseTimelineEvent[];
  openedAt: string;
  openedBy: string;
  updatedAt: string;
  archivedAt?: string;
}

// ---- requests ----

const id = z.string().trim().min(1).max(200);
const username = z.string().trim().min(1).max(100);
const version = z.number().int().min(1);
const reason = z.string().trim().min(1).max(2_000);
const isoTime = z.string().datetime({ offset: true });

/** POST /api/v1/cases: by hand, or from an alert (promoting it) or an impostor report. */
export const createCaseSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    summary: z.string().trim().max(5_000).optional(),
    source: z.union([z.object({ alertId: id }).strict(), z.object({ impostorReportId: id }).strict()]).optional(),
  })
  .strict();
export type CreateCase = z.infer<typeof createCaseSchema>;

/** GET /api/v1/cases: archived cases stay searchable by full text, grade, owner, time and outcome. */
export const caseListQueryFields = z.object({
  state: z.enum(CASE_STATES).optional(),
  grade: z.enum(CASE_GRADES).optional(),
  owner: username.optional(),
  outcome: z.enum(CASE_OUTCOMES).optional(),
  /** Full text over title, summary, closing summary and lessons. */
  q: z.string().trim().min(1).max(200).optional(),
  /** Opened at or after / before. */
  from: isoTime.optional(),
  to: isoTime.optional(),
  size: z.coerce.number().int().min(1).max(200).default(50),
});
export type CaseListQuery = z.infer<typeof caseListQueryFields>;

export interface CaseListResponse {
  cases: Case[];
  total: number;
}

/** POST /api/v1/cases/{id}/transitions */
export const caseTransitionSchema = z.object({ to: z.enum(CASE_STATES), reason, version }).strict();
export type CaseTransition = z.infer<typeof caseTransitionSchema>;

/** PUT /api/v1/cases/{id}/assessment: grading sets the owner level and the clocks. */
export const caseAssessmentSchema = z.object({ grade: z.enum(CASE_GRADES), owner: username, version }).strict();
export type CaseAssessment = z.infer<typeof caseAssessmentSchema>;

/** POST /api/v1/cases/{id}/tasks */
export const caseTaskCreateSchema = z
  .object({ title: z.string().trim().min(1).max(500), assignee: username, dueAt: isoTime, version })
  .strict();
export type CaseTaskCreate = z.infer<typeof caseTaskCreateSchema>;

/** PATCH /api/v1/cases/{id}/tasks/{taskId} */
export const caseTaskUpdateSchema = z
  .object({ state: z.enum(CASE_TASK_STATES), note: z.string().trim().max(2_000).optional(), version })
  .strict();
export type CaseTaskUpdate = z.infer<typeof caseTaskUpdateSchema>;

/** POST /api/v1/cases/{id}/referrals */
export const caseReferralCreateSchema = z
  .object({
    to: z.enum(REFERRAL_TARGETS),
    department: z.string().trim().min(1).max(200).optional(),
    sent: z.string().trim().min(1).max(10_000),
    version,
  })
  .strict()
  .refine((body) => body.to !== 'business' || Boolean(body.department), {
    message: "a department is required when referring to 'business'",
    path: ['department'],
  });
export type CaseReferralCreate = z.infer<typeof caseReferralCreateSchema>;

/** PATCH /api/v1/cases/{id}/referrals/{referralId}: the department's reply. */
export const caseReferralReplySchema = z.object({ reply: z.string().trim().min(1).max(10_000), version }).strict();
export type CaseReferralReply = z.infer<typeof caseReferralReplySchema>;

/** POST /api/v1/cases/{id}/evidence: a link (item/alert/story/url) or a file as base64. */
export const caseEvidenceAddSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.enum(['item', 'alert', 'story']),
      ref: id,
      note: z.string().trim().max(2_000).optional(),
      version,
    })
    .strict(),
  z
    .object({
      kind: z.literal('url'),
      ref: z.string().trim().url().max(2_000),
      note: z.string().trim().max(2_000).optional(),
      version,
    })
    .strict(),
  z
    .object({
      kind: z.literal('file'),
      name: z.string().trim().min(1).max(255),
      mediaType: z.enum(EVIDENCE_MEDIA_TYPES),
      /** The bytes, base64; at most EVIDENCE_MAX_BYTES once decoded. */
      contentBase64: z
        .string()
        .min(1)
        .max(Math.ceil(EVIDENCE_MAX_BYTES / 3) * 4 + 4),
      note: z.string().trim().max(2_000).optional(),
      version,
    })
    .strict(),
]);
export type CaseEvidenceAdd = z.infer<typeof caseEvidenceAddSchema>;

/** DELETE /api/v1/cases/{id}/evidence/{evidenceId}: an unlink with a reason, kept in the timeline. */
export const caseEvidenceRemoveSchema = z.object({ reason, version }).strict();
export type CaseEvidenceRemove = z.infer<typeof caseEvidenceRemoveSchema>;

/** The closing of a case (written by the closing route before archiving). */
export const caseClosingSchema = z
  .object({
    summary: z.string().trim().min(1).max(20_000),
    outcome: z.enum(CASE_OUTCOMES),
    lessons: z.string().trim().max(20_000).optional(),
    version,
  })
  .strict();
export type CaseClosingInput = z.infer<typeof caseClosingSchema>;

// ---- clock policy (R-CASE-2, R-CASE-4) ----

/** A span in hours (fractions allowed) or in Chinese working days (holidays and make-up workdays counted). */
export const clockSpanSchema = z.union([
  z
    .object({
      hours: z
        .number()
        .positive()
        .max(24 * 365),
    })
    .strict(),
  z.object({ workingDays: z.number().int().min(1).max(250) }).strict(),
]);
export type ClockSpan = z.infer<typeof clockSpanSchema>;

export const gradeClockSchema = z
  .object({
    ownerLevel: z.enum(OWNER_LEVELS),
    firstRelease: clockSpanSchema,
    updateInterval: clockSpanSchema,
    close: clockSpanSchema,
  })
  .strict();
export type GradeClock = z.infer<typeof gradeClockSchema>;

/** PUT /api/v1/case-clock-policy */
export const caseClockPolicyInputSchema = z
  .object({
    grades: z
      .object({ IV: gradeClockSchema, III: gradeClockSchema, II: gradeClockSchema, I: gradeClockSchema })
      .strict(),
    /** The version the editor started from; absent for the first save. */
    version: z.number().int().min(0).optional(),
  })
  .strict();
export type CaseClockPolicyInput = z.infer<typeof caseClockPolicyInputSchema>;

export interface CaseClockPolicy {
  grades: Record<CaseGrade, GradeClock>;
  /** 0 for the shipped default nobody saved yet. */
  version: number;
  updatedAt?: string;
  updatedBy?: string;
}

/**
 * What applies until an admin saves a policy. Sources (docs/ARCHITECTURE.md, "Cases"): first
 * release — 003 Art. 25 and 30 (第一时间, 及时公布真相) made concrete as the State Council's
 * "at the latest 5 hours" for major incidents (国办发〔2016〕61号), tightened for 重大/特别重大;
 * updates — 003 Art. 25 (按程序根据事态发展发布动态信息); close — working days as 003 Art. 16/17
 * count them (3 and 15 工作日).
 */
export const DEFAULT_CASE_CLOCK_POLICY: CaseClockPolicy = {
  version: 0,
  grades: {
    IV: {
      ownerLevel: 'section_head',
      firstRelease: { hours: 24 },
      updateInterval: { hours: 24 },
      close: { workingDays: 3 },
    },
    III: {
      ownerLevel: 'leader_in_charge',
      firstRelease: { hours: 5 },
      updateInterval: { hours: 12 },
      close: { workingDays: 5 },
    },
    II: {
      ownerLevel: 'principal_leader',
      firstRelease: { hours: 2 },
      updateInterval: { hours: 4 },
      close: { workingDays: 10 },
    },
    I: {
      ownerLevel: 'principal_leader',
      firstRelease: { hours: 1 },
      updateInterval: { hours: 2 },
      close: { workingDays: 15 },
    },
  },
};
