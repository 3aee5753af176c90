import { ACTIONS, may, permissionTableMarkdown, PERMISSIONS, rolesFor } from './permissions';
import { ROLES } from './roles';

describe('permission table', () => {
  it('gives the screen role no action that changes a record', () => {
    const writes = ACTIONS.filter((action) => PERMISSIONS[action].kind === 'write' && may('screen', action));
    expect(writes).toEqual([]);
  });

  it('grants every action to at least one role, and user management to admins only', () => {
    for (const action of ACTIONS) expect(rolesFor(action).length).toBeGreaterThan(0);
    expect(rolesFor('users.manage')).toEqual(['admin']);
  });

  it('keeps raw evidence from the roles that do not act on it', () => {
    expect(rolesFor('items.raw.view')).toEqual(['duty_officer', 'responder']);
    expect(may('screen', 'items.search')).toBe(true);
  });

  it('refuses an unknown role or action', () => {
    expect(may(undefined, 'items.search')).toBe(false);
    expect(may('nobody' as (typeof ROLES)[number], 'items.search')).toBe(false);
    expect(may('admin', 'no.such.action' as never)).toBe(false);
  });

  it('lists roles in the order of ROLES', () => {
    expect(rolesFor('items.search')).toEqual([...ROLES]);
  });
});

describe('the permission table in docs/ARCHITECTURE.md', () => {
  it('is the table of the contract (node scripts/write-permission-table.js rewrites it after a build)', () => {
    const { readFileSync } = jest.requireActual<typeof import('node:fs')>('node:fs');
    const doc = readFileSync(`${__dirname}/../../../docs/ARCHITECTURE.md`, 'utf8');
    const section = /<!-- permission-table:start -->\n([\s\S]*?)\n<!-- permission-table:end -->/.exec(doc)?.[1];
    expect(section).toBe(permissionTableMarkdown());
  });
});
