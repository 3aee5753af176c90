import { ROLES, type Role } from './roles';

/**
 * What an action does to the records: `read` only looks, `write` changes something (and is
 * audited), `session` acts on the caller's own sign-in. The screen role holds no `write` action.
 */
export type ActionKind = 'read' | 'write' | 'session';

export interface ActionDefinition {
  kind: ActionKind;
  roles: readonly Role[];
  /** One line for the permission table in docs/ARCHITECTURE.md. */
  description: string;
}

const EVERY_ROLE = ROLES;
const DESK_STAFF: readonly Role[] = ['duty_officer', 'responder', 'leader', 'admin'];

/**
 * R-SEC-1, R-SEC-5: the one table of who may do what. Every REST route names one action with
 * @Requires(), every client socket event names one in the gateway, and the dashboard asks
 * `may()` before it shows a control (a convenience only: the server decides).
 * Actions of later issues are declared here as their routes land.
 */
export const PERMISSIONS = {
  'auth.me': { kind: 'session', roles: EVERY_ROLE, description: 'see who the session belongs to' },
  'auth.logout': { kind: 'session', roles: EVERY_ROLE, description: 'sign out (revokes the session)' },
  'items.search': { kind: 'read', roles: EVERY_ROLE, description: 'list and search items, personal data masked' },
  'items.live': { kind: 'read', roles: EVERY_ROLE, description: 'receive indexed items live and catch up after a reconnect' },
  // Raw evidence carries personal data (R-ENR-5, 003 Art. 21/31): the people who act on a post
  // need it; the leader's screen, the wall screen and the system administrator do not.
  'searches.save': { kind: 'write', roles: ['duty_officer', 'responder', 'leader', 'admin'], description: 'save and delete searches of their own' },
  'items.raw.view': { kind: 'read', roles: ['duty_officer', 'responder'], description: 'see an item unmasked (audited) and search its raw text' },
  'intake.push': { kind: 'write', roles: ['duty_officer', 'admin'], description: 'push a mention, comment or impostor report by hand' },
  'connectors.read': { kind: 'read', roles: ['duty_officer', 'admin'], description: 'see the connectors (push endpoints, feeds, simulator) and their status' },
  'connectors.manage': { kind: 'write', roles: ['admin'], description: 'pause and resume connectors, add, edit and remove RSS / Atom feeds' },
  'users.manage': { kind: 'write', roles: ['admin'], description: 'list, create, disable, re-role users, reset passwords, sign users out' },
  'audit.read': { kind: 'read', roles: ['admin', 'leader'], description: 'read the audit trail and its verification' },
  'backups.manage': { kind: 'write', roles: ['admin'], description: 'take and list snapshots of the record indices' },
  'api.docs': { kind: 'read', roles: ['admin'], description: 'read the OpenAPI documents' },
  'stories.read': { kind: 'read', roles: EVERY_ROLE, description: 'see stories (near-duplicates of one claim grouped) and their items' },
  'alerts.read': { kind: 'read', roles: EVERY_ROLE, description: 'see alerts' },
  'spikes.read': { kind: 'read', roles: EVERY_ROLE, description: 'see spikes (突增) of stories, watched keywords and negative volume' },
  'alerts.ack': { kind: 'write', roles: ['duty_officer'], description: 'acknowledge, dismiss or promote an alert' },
  'alerts.rules.manage': { kind: 'write', roles: ['duty_officer', 'admin'], description: 'create and edit alert rules' },
  'cases.read': { kind: 'read', roles: DESK_STAFF, description: 'see cases' },
  'cases.transition': { kind: 'write', roles: ['duty_officer', 'responder', 'leader'], description: 'open a case and move it through its stages' },
  'cases.work': {
    kind: 'write',
    roles: ['duty_officer', 'responder', 'leader'],
    description: 'add tasks, referrals and evidence to a case, unlink evidence with a reason',
  },
  // An uploaded screenshot or document is raw evidence (personal data likely): its bytes go to
  // the desk that works the case, each view audited, as with items.raw.view.
  'cases.evidence.file.view': {
    kind: 'read',
    roles: ['duty_officer', 'responder', 'leader'],
    description: 'download an evidence file of a case as uploaded (audited)',
  },
  'cases.reopen': { kind: 'write', roles: ['leader'], description: 'reopen an archived case' },
  'cases.clocks.manage': { kind: 'write', roles: ['admin'], description: 'edit the clock table per case grade' },
  'statements.signoff.major': { kind: 'write', roles: ['leader'], description: 'sign off a statement on a major or especially major case' },
  // 003 Art. 18 by role: the editor step by the desk that writes, the responsible head by the duty
  // officer on watch or a leader, important and major statements by a leader.
  'statements.draft': { kind: 'write', roles: ['duty_officer', 'responder', 'leader'], description: 'draft and revise a statement or rumor rebuttal in a case' },
  'statements.signoff': {
    kind: 'write',
    roles: ['duty_officer', 'responder', 'leader'],
    description: 'give a sign-off step of a statement (which step a role may give: the statements.signoff.* actions)',
  },
  'statements.signoff.editor': { kind: 'write', roles: ['duty_officer', 'responder'], description: 'sign off a routine statement as its editor' },
  'statements.signoff.head': { kind: 'write', roles: ['duty_officer', 'leader'], description: 'sign off a routine statement as the responsible head' },
  'statements.signoff.important': { kind: 'write', roles: ['leader'], description: 'sign off an important statement as the leader in charge' },
  'statements.release': { kind: 'write', roles: ['duty_officer', 'leader'], description: "release a signed-off statement as the case's agreed line" },
  'roster.manage': { kind: 'write', roles: ['admin'], description: 'edit the duty roster' },
  'escalation.manage': {
    kind: 'write',
    roles: ['admin'],
    description: 'edit the escalation policy and the outbound notice channels, read the delivery record',
  },
  'duty.read': { kind: 'read', roles: EVERY_ROLE, description: 'see the roster, who is on watch and the shift handovers' },
  'duty.handover': { kind: 'write', roles: ['duty_officer'], description: 'write a shift handover note and confirm an incoming one' },
} as const satisfies Record<string, ActionDefinition>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

/** Whether `role` may perform `action`. Unknown roles or actions may do nothing. */
export function may(role: Role | undefined, action: Action): boolean {
  const definition: ActionDefinition | undefined = PERMISSIONS[action];
  return role !== undefined && definition !== undefined && definition.roles.includes(role);
}

/** The roles allowed an action, in the order of ROLES: what OpenAPI's `x-liaowang-roles` lists. */
export function rolesFor(action: Action): Role[] {
  return ROLES.filter((role) => may(role, action));
}

/** The marker OpenAPI lists for a route that needs no session. */
export const PUBLIC_ROLE = 'public';

/** The table as Markdown, for docs/ARCHITECTURE.md (kept in sync by a test). */
export function permissionTableMarkdown(): string {
  const header = `| action | kind | ${ROLES.join(' | ')} | what it allows |`;
  const rule = `|---|---|${ROLES.map(() => ':-:').join('|')}|---|`;
  const rows = ACTIONS.map((action) => {
    const { kind, description } = PERMISSIONS[action];
    return `| \`${action}\` | ${kind} | ${ROLES.map((role) => (may(role, action) ? '✓' : '')).join(' | ')} | ${description} |`;
  });
  return [header, rule, ...rows].join('\n');
}
