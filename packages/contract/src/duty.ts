import { z } from 'zod';
import { ALERT_STATES, type AlertState } from './alert';
import type { Role } from './roles';

// R-ALR-4 (seed 002 §4(2) 值班值守): who is on watch when, and the handover between shifts.

/** The posts of a shift and the roles that may fill each (the API refuses others with 422). */
export const SHIFT_POSTS = {
  dutyOfficer: ['duty_officer'],
  // 带班: a senior colleague of the desk, or a leader who leads the shift in person.
  shiftLead: ['duty_officer', 'leader'],
  leaderOnDuty: ['leader'],
} as const satisfies Record<string, readonly Role[]>;
export type ShiftPost = keyof typeof SHIFT_POSTS;
export const SHIFT_POST_NAMES = Object.keys(SHIFT_POSTS) as ShiftPost[];

const isoTime = z.string().datetime({ offset: true });
const username = z.string().trim().min(1).max(100);

/** A shift as an admin sends it; times in any offset, stored in Asia/Shanghai (+08:00). */
export const shiftInputSchema = z
  .object({
    /** Keep the id of a shift that is changed; a new shift gets one. */
    id: z.string().trim().min(1).max(100).optional(),
    startsAt: isoTime,
    endsAt: isoTime,
    dutyOfficer: username,
    shiftLead: username.optional(),
    leaderOnDuty: username.optional(),
    note: z.string().trim().max(1_000).optional(),
  })
  .strict();
export type ShiftInput = z.infer<typeof shiftInputSchema>;

/** A shift of record (roster index). */
export interface Shift {
  id: string;
  /** ISO 8601 with +08:00. */
  startsAt: string;
  endsAt: string;
  dutyOfficer: string;
  shiftLead?: string;
  leaderOnDuty?: string;
  note?: string;
  /** The roster version that last wrote this shift. */
  version: number;
}

// One roster query or replacement covers at most about a quarter.
export const ROSTER_MAX_RANGE_DAYS = 93;

/** GET /api/v1/roster: default this week (Monday 00:00 Beijing time, 7 days). */
export const rosterQueryFields = z.object({ from: isoTime.optional(), to: isoTime.optional() });
export type RosterQuery = z.infer<typeof rosterQueryFields>;

/** PUT /api/v1/roster: the shifts of [from, to) replaced in one go. */
export const rosterReplaceSchema = z
  .object({
    from: isoTime,
    to: isoTime,
    /** The roster version the editor started from: a save made meanwhile answers 409. */
    version: z.number().int().min(0),
    shifts: z.array(shiftInputSchema).max(500),
  })
  .strict();
export type RosterReplace = z.infer<typeof rosterReplaceSchema>;

export interface RosterPeriod {
  startsAt: string;
  endsAt: string;
}

/** Two shifts that cover the same time (the API refuses to save these; flagged if found). */
export interface RosterOverlap extends RosterPeriod {
  shiftIds: [string, string];
}

/** A calendar day of the range (Beijing time) by the State Council's holiday arrangement. */
export interface RosterDay {
  /** YYYY-MM-DD */
  date: string;
  kind: 'workday' | 'weekend' | 'holiday' | 'makeup_workday';
  /** Festival names of a holiday or make-up workday. */
  holidayName?: { zh: string; en: string };
}

/** A person on a post, with the name to show. */
export interface DutyPerson {
  username: string;
  displayName: string;
}

export interface RosterShift extends Shift {
  people: Partial<Record<ShiftPost, DutyPerson>>;
}

export interface RosterView {
  from: string;
  to: string;
  version: number;
  shifts: RosterShift[];
  /** Periods of the range that no shift covers. */
  gaps: RosterPeriod[];
  overlaps: RosterOverlap[];
  days: RosterDay[];
}

/** Who is on each post at one time; usernames, absent in a gap (for escalation). */
export interface OnDuty {
  shift?: Shift;
  dutyOfficer?: string;
  shiftLead?: string;
  leaderOnDuty?: string;
}

/** GET /api/v1/duty/now */
export interface DutyNow {
  at: string;
  current?: RosterShift;
  next?: RosterShift;
  /** Nobody is on watch now. */
  gap: boolean;
}

/** POST /api/v1/duty/handovers: the outgoing officer's note. */
export const handoverCreateSchema = z.object({ note: z.string().trim().min(1).max(5_000) }).strict();
export type HandoverCreate = z.infer<typeof handoverCreateSchema>;

export const handoverListQueryFields = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });
export type HandoverListQuery = z.infer<typeof handoverListQueryFields>;

export const OPEN_ALERT_STATES: readonly AlertState[] = ['new', 'acknowledged'];

/** What the shift left behind, generated when the note is written. */
export interface ShiftSummary {
  /** Alerts raised (firstAt) in [from, to). */
  from: string;
  to: string;
  alertsRaised: number;
  alertsByState: Record<AlertState, number>;
  alertsByRule: { ruleId: string; name: string; count: number }[];
  /** Alerts new or acknowledged at handover time, whenever raised. */
  openAlerts: number;
  openAlertSamples: { id: string; ruleName: string; severity: string; state: AlertState; firstAt: string }[];
  // Filled as the case, story and comment features land; empty lists until then.
  openCases: { id: string; title: string }[];
  notableStories: { id: string; title: string }[];
  unansweredComments: { id: string; text: string }[];
}

export const HANDOVER_STATES = ['written', 'confirmed'] as const;

/** GET /api/v1/duty/handovers/preview: what a handover written now would carry. */
export interface HandoverPreview {
  shift: Shift;
  incoming?: string;
  summary: ShiftSummary;
}

/** A handover of record (handovers index). */
export interface Handover {
  id: string;
  state: (typeof HANDOVER_STATES)[number];
  shift: Shift;
  note: string;
  writtenBy: string;
  writtenAt: string;
  /** The duty officer of the next shift, expected to confirm. */
  incoming?: string;
  confirmedBy?: string;
  confirmedAt?: string;
  summary: ShiftSummary;
}

export function emptyAlertCounts(): Record<AlertState, number> {
  return Object.fromEntries(ALERT_STATES.map((s) => [s, 0])) as Record<AlertState, number>;
}
