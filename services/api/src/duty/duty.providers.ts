import { DutyPeople } from './duty-people';
import { HandoverRepository } from './handover.repository';
import { HandoverService } from './handover.service';
import { RosterRepository } from './roster.repository';
import { RosterService } from './roster.service';
import { ShiftSummaryService } from './shift-summary.service';

/** The providers of the duty watch, for the API module (RosterService.onDutyAt is for escalation). */
export const DUTY_PROVIDERS = [RosterRepository, DutyPeople, RosterService, ShiftSummaryService, HandoverRepository, HandoverService];
