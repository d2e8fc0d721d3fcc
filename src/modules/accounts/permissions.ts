import type { Role } from './schema.ts';

/** Everything a role can be allowed to do. Policy files ask for these, never for roles. */
export const permissions = [
  'people.read',
  'people.create',
  'people.update',
  'people.delete',
  'people.merge',
  'people.import',
  'people.export',
  'tags.manage',
  'fields.manage',
  'units.manage',
  'roles.manage',
  'audit.read',
  // Election results are public reference data: reading needs only a sign-in; importing them and target lists need these.
  'elections.manage',
  'targets.read',
  'targets.manage',
  // Relational organising. Notes, issues raised and assessments are special category data:
  // reading them for conversations one did not take part in needs conversations.read_sensitive,
  // and every such read is audited. conversations.read shows who was spoken to, when and how.
  'conversations.log',
  'conversations.read',
  'conversations.read_sensitive',
  'conversations.manage',
  'issues.manage',
  'scales.manage',
  // Ladder of engagement, leaders and issue salience. ladder.configure sets an organisation's
  // levels (held at its root); ladder.manage moves people by hand, lists potential leaders and
  // the pipeline; salience.read sees issue counts (aggregates only, small counts suppressed
  // outside the owning unit).
  'ladder.configure',
  'ladder.manage',
  'salience.read',
  // Events: events.read sees events of the unit subtree (and members-only events of the
  // organisation); events.manage creates, edits, cancels and checks people in, with attendees.
  'events.read',
  'events.manage',
  // Campaigns: campaigns.read sees the campaigns, power maps and wins of the unit subtree;
  // campaigns.manage runs them (phases, team, power map, wins) and makes a unit's wins page public.
  'campaigns.read',
  'campaigns.manage',
] as const;
export type Permission = (typeof permissions)[number];

/**
 * The role → permission table. A volunteer works with people in their unit but cannot bulk
 * export, import, merge or delete them; a member sees only their own account and their units' events.
 */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  member: ['events.read'],
  volunteer: ['people.read', 'people.create', 'people.update', 'targets.read', 'conversations.log', 'events.read', 'events.manage', 'campaigns.read'],
  organiser: ['people.read', 'people.create', 'people.update', 'people.delete', 'people.merge', 'people.import', 'people.export', 'tags.manage', 'targets.read', 'targets.manage',
    'conversations.log', 'conversations.read', 'conversations.read_sensitive', 'conversations.manage', 'issues.manage', 'ladder.manage', 'salience.read',
    'events.read', 'events.manage', 'campaigns.read', 'campaigns.manage'],
  unit_admin: [
    'people.read', 'people.create', 'people.update', 'people.delete', 'people.merge', 'people.import', 'people.export',
    'tags.manage', 'fields.manage', 'units.manage', 'roles.manage', 'audit.read', 'targets.read', 'targets.manage',
    'conversations.log', 'conversations.read', 'conversations.read_sensitive', 'conversations.manage', 'issues.manage', 'scales.manage',
    'ladder.configure', 'ladder.manage', 'salience.read', 'events.read', 'events.manage', 'campaigns.read', 'campaigns.manage',
  ],
  dpo: ['people.read', 'people.export', 'audit.read', 'conversations.read', 'conversations.read_sensitive', 'events.read', 'campaigns.read'],
  national_admin: [
    'people.read', 'people.create', 'people.update', 'people.delete', 'people.merge', 'people.import', 'people.export',
    'tags.manage', 'fields.manage', 'units.manage', 'roles.manage', 'audit.read', 'targets.read', 'targets.manage', 'elections.manage',
    'conversations.log', 'conversations.read', 'conversations.read_sensitive', 'conversations.manage', 'issues.manage', 'scales.manage',
    'ladder.configure', 'ladder.manage', 'salience.read', 'events.read', 'events.manage', 'campaigns.read', 'campaigns.manage',
  ],
};

/** Roles ordered by reach, for "may this admin grant that role" checks. */
export const roleRank: Record<Role, number> = {
  member: 0, volunteer: 1, organiser: 2, dpo: 3, unit_admin: 3, national_admin: 4,
};
