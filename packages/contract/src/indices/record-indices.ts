import { alertRulesIndex, alertRuleVersionsIndex } from './alert-rules.index';
import { alertsIndex } from './alerts.index';
import { auditIndex } from './audit.index';
import { caseClockPolicyIndex } from './case-clock-policy.index';
import { caseFilesIndex } from './case-files.index';
import { casesIndex } from './cases.index';
import { connectorsIndex, feedsIndex } from './connectors.index';
import { escalationPolicyIndex } from './escalation-policy.index';
import { escalationTimersIndex } from './escalation-timers.index';
import { handoversIndex } from './handovers.index';
import type { IndexTemplateDefinition } from './index-template';
import { itemsIndex } from './items.index';
import { loginAttemptsIndex } from './login-attempts.index';
import { notifyChannelsIndex } from './notify-channels.index';
import { notifyDeliveriesIndex } from './notify-deliveries.index';
import { rosterIndex } from './roster.index';
import { savedSearchesIndex } from './saved-searches.index';
import { sessionsIndex } from './sessions.index';
import { silencesIndex } from './silences.index';
import { spikesIndex } from './spikes.index';
import { storiesIndex, storyBandsIndex } from './stories.index';
import { usersIndex } from './users.index';

/** Every index template of the system; a new template joins here (a test checks). */
export const ALL_INDEX_TEMPLATES: readonly IndexTemplateDefinition[] = [
  itemsIndex,
  usersIndex,
  auditIndex,
  sessionsIndex,
  loginAttemptsIndex,
  alertRulesIndex,
  alertRuleVersionsIndex,
  alertsIndex,
  escalationPolicyIndex,
  escalationTimersIndex,
  silencesIndex,
  notifyChannelsIndex,
  notifyDeliveriesIndex,
  rosterIndex,
  handoversIndex,
  casesIndex,
  caseFilesIndex,
  caseClockPolicyIndex,
  storiesIndex,
  storyBandsIndex,
  savedSearchesIndex,
  spikesIndex,
  connectorsIndex,
  feedsIndex,
];

/** The templates whose indices are data of record: what backup snapshots and restore brings back. */
export const RECORD_INDEX_TEMPLATES: readonly IndexTemplateDefinition[] = ALL_INDEX_TEMPLATES.filter((t) => t.ofRecord);

/** Index name patterns of the record indices, as a snapshot or restore request takes them. */
export function recordIndexPatterns(templates: readonly IndexTemplateDefinition[] = RECORD_INDEX_TEMPLATES): string[] {
  return templates.flatMap((t) => t.indexPatterns);
}
