import { z } from 'zod';
import { SEVERITIES, type Severity } from './alert-rule';

// R-ALR-3: an unacknowledged alert climbs a chain of people after set times.
export const ESCALATION_TARGETS = ['duty_officer', 'shift_lead', 'leader_on_duty'] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];

export const escalationStepSchema = z
  .object({
    target: z.enum(ESCALATION_TARGETS),
    /** Minutes after the alert was raised; fractions allowed (0.05 = 3 s). */
    afterMinutes: z.number().min(0).max(7 * 24 * 60),
    /** Whether this step also sends outbound notices (the channels that take escalations). */
    notify: z.boolean().default(false),
  })
  .strict();
export type EscalationStep = z.infer<typeof escalationStepSchema>;

const chain = z
  .array(escalationStepSchema)
  .max(10)
  .refine((steps) => steps.every((step, i) => i === 0 || step.afterMinutes >= steps[i - 1].afterMinutes), {
    message: 'steps must not come earlier than the step before',
  });

/** PUT /api/v1/escalation-policy: the chain of every severity (an empty chain: no escalation). */
export const escalationPolicyInputSchema = z
  .object({
    steps: z.object({ low: chain, medium: chain, high: chain, critical: chain }).strict(),
    /** The version the editor started from; a stale one is refused (409). Absent for the first save. */
    version: z.number().int().min(0).optional(),
  })
  .strict();
export type EscalationPolicyInput = z.infer<typeof escalationPolicyInputSchema>;

export interface EscalationPolicy {
  steps: Record<Severity, EscalationStep[]>;
  /** 0 for the shipped default that nobody saved yet. */
  version: number;
  updatedAt?: string;
  updatedBy?: string;
}

/** What applies until an admin saves a policy. */
export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = {
  version: 0,
  steps: {
    low: [],
    medium: [{ target: 'shift_lead', afterMinutes: 60, notify: false }],
    high: [
      { target: 'duty_officer', afterMinutes: 10, notify: false },
      { target: 'shift_lead', afterMinutes: 30, notify: true },
    ],
    critical: [
      { target: 'duty_officer', afterMinutes: 5, notify: true },
      { target: 'shift_lead', afterMinutes: 10, notify: true },
      { target: 'leader_on_duty', afterMinutes: 20, notify: true },
    ],
  },
};

export const ESCALATION_TIMER_STATES = ['pending', 'firing', 'fired', 'cancelled'] as const;
export type EscalationTimerState = (typeof ESCALATION_TIMER_STATES)[number];

/**
 * One step of one alert's chain, fixed when the alert was raised (STYLE habit 7); document id
 * `<alertId>:<step>`. Step 0 is the notice of a severe alert when it is raised (no escalation).
 */
export interface EscalationTimer {
  id: string;
  alertId: string;
  ruleId: string;
  severity: Severity;
  step: number;
  /** Absent for step 0. */
  target?: EscalationTarget;
  notify: boolean;
  /** Channels chosen when the timer was made (step 0: by minimum severity). */
  channelIds: string[];
  policyVersion: number;
  dueAt: string;
  state: EscalationTimerState;
  createdAt: string;
  /** When an instance claimed it (state firing); a claim older than the lease may be taken over. */
  claimedAt?: string;
  claimedBy?: string;
  firedAt?: string;
  /** The person on duty in the target role when it fired, if the roster names one. */
  notifiedUser?: string;
  cancelledReason?: string;
}

/** POST /api/v1/silences: mute a rule until a time, saying why. */
export const silenceInputSchema = z
  .object({
    ruleId: z.string().trim().min(1).max(100),
    until: z
      .string()
      .datetime({ offset: true })
      .refine((s) => Date.parse(s) > Date.now(), { message: 'must lie in the future' }),
    reason: z.string().trim().min(1).max(500),
  })
  .strict();
export type SilenceInput = z.infer<typeof silenceInputSchema>;

export interface Silence {
  id: string;
  ruleId: string;
  /** ISO time the silence ends. */
  until: string;
  reason: string;
  createdAt: string;
  createdBy: string;
  /** Set when lifted early (DELETE); a lifted silence mutes nothing. */
  liftedAt?: string;
  liftedBy?: string;
}

export const SEVERITY_RANK: Record<Severity, number> = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>;
