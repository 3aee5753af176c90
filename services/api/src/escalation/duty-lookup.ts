/** Who holds each post of the chain at a time; a post without anyone is absent (a gap in the roster). */
export interface OnDutyPeople {
  dutyOfficer?: string;
  shiftLead?: string;
  leaderOnDuty?: string;
}

/** The roster as escalation needs it: a small port, so the chain does not depend on how shifts are kept. */
export interface DutyLookup {
  onDutyAt(at: Date): Promise<OnDutyPeople>;
}

export const DUTY_LOOKUP = Symbol('DUTY_LOOKUP');
