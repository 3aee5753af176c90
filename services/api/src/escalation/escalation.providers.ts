import { RosterService } from '../duty/roster.service';
import { NoticeDeliveryService } from '../notify/notice-delivery.service';
import { NotifyChannelController } from '../notify/notify-channel.controller';
import { NotifyChannelRepository } from '../notify/notify-channel.repository';
import { NotifyChannelService } from '../notify/notify-channel.service';
import { NotifyDeliveryController } from '../notify/notify-delivery.controller';
import { NotifyDeliveryRepository } from '../notify/notify-delivery.repository';
import { SilenceController } from '../silences/silence.controller';
import { SilenceRepository } from '../silences/silence.repository';
import { SilenceService } from '../silences/silence.service';
import { DUTY_LOOKUP } from './duty-lookup';
import { EscalationFiringService } from './escalation-firing.service';
import { EscalationPlannerService } from './escalation-planner.service';
import { EscalationPolicyController } from './escalation-policy.controller';
import { EscalationPolicyRepository } from './escalation-policy.repository';
import { EscalationPolicyService } from './escalation-policy.service';
import { EscalationTimerRepository } from './escalation-timer.repository';

/** Escalation, silences and outbound notices, for the API module. */
export const ESCALATION_CONTROLLERS = [EscalationPolicyController, SilenceController, NotifyChannelController, NotifyDeliveryController];

export const ESCALATION_PROVIDERS = [
  // The roster answers who holds each post of the chain when a step fires.
  { provide: DUTY_LOOKUP, useExisting: RosterService },
  EscalationPolicyRepository,
  EscalationPolicyService,
  EscalationTimerRepository,
  EscalationPlannerService,
  EscalationFiringService,
  SilenceRepository,
  SilenceService,
  NotifyChannelRepository,
  NotifyChannelService,
  NotifyDeliveryRepository,
  NoticeDeliveryService,
];
