import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { scopePaths, type Actor } from './actor.ts';
import { rolePermissions, type Permission } from './permissions.ts';
import { roles, type Role } from './schema.ts';

/** What a colleague is picked for: to log conversations with (co-organiser, follow-up assignee), to mentor a leader, or to facilitate a breakout group. */
export const directoryPurposes = ['log', 'mentor', 'facilitate'] as const;
export type DirectoryPurpose = (typeof directoryPurposes)[number];

/**
 * The permission a purpose needs. The caller needs it to pick anyone at all, its scope bounds
 * whom they may pick, and the accounts picked must hold it there too.
 */
export const purposePermission: Record<DirectoryPurpose, Permission> = { log: 'conversations.log', mentor: 'ladder.manage', facilitate: 'events.manage' };

/** Roles carrying `permission`, so the SQL can ask for grants by permission. */
export function rolesWith(permission: Permission): Role[] {
  return roles.filter((r) => rolePermissions[r].includes(permission));
}

/**
 * SQL condition on a role grant `g` joined to its unit `u`: the grant carries the purpose's
 * permission, on a unit inside the actor's own scope for it (the subtrees of the actor's grants
 * that carry it). `false` when the actor holds the permission nowhere.
 */
export function qualifyingGrantSql(actor: Actor, purpose: DirectoryPurpose): SQL {
  const permission = purposePermission[purpose];
  const prefixes = scopePaths(actor, permission).map((p) => `${p}%`);
  if (prefixes.length === 0) return sql`false`;
  return sql`g.role = any(${arrayParam(rolesWith(permission))}::text[]) and u.path like any(${arrayParam(prefixes)}::text[])`;
}

/**
 * SQL condition on an `accounts a` row: an account the actor may pick for `purpose` — active,
 * and holding a qualifying grant (`qualifyingGrantSql`). `grantFilter` narrows the grants further
 * (a unit subtree, an organisation), never widens them. The account directory lists exactly
 * these accounts, and every write that names a colleague accepts exactly these, so a form can
 * never name someone its picker would not have offered.
 */
export function pickableAccountSql(actor: Actor, purpose: DirectoryPurpose, grantFilter?: SQL): SQL {
  const grant = grantFilter ? sql`${qualifyingGrantSql(actor, purpose)} and ${grantFilter}` : qualifyingGrantSql(actor, purpose);
  return sql`(a.disabled_at is null and exists (select 1 from role_grants g join units u on u.id = g.unit_id where g.account_id = a.id and ${grant}))`;
}

/**
 * Which of `ids` the actor may name for `purpose` on a record of organisation `orgId`: those
 * the directory lists for them with a qualifying grant in that organisation, and the actor
 * themself. One query.
 */
export async function pickableAccounts(db: Db, actor: Actor, purpose: DirectoryPurpose, orgId: string, ids: string[]): Promise<Set<string>> {
  const self = actor.via === 'system' ? null : actor.accountId;
  const unique = [...new Set(ids)].filter((id) => id !== self);
  const out = new Set<string>(self !== null && ids.includes(self) ? [self] : []);
  if (unique.length === 0) return out;
  const rows = await execute<{ id: string }>(db, sql`
    select a.id from accounts a
    where a.id = any(${arrayParam(unique)}::uuid[]) and ${pickableAccountSql(actor, purpose, sql`u.org_id = ${orgId}`)}`);
  for (const r of rows) out.add(r.id);
  return out;
}

/** Why a named account was refused: the same words whether it exists elsewhere or not at all. */
export const notPickableMessage: Record<DirectoryPurpose, string> = {
  log: 'You cannot name this account: choose a colleague who logs conversations in your units.',
  mentor: 'You cannot name this account as a mentor: choose a colleague who manages leaders in your units.',
  facilitate: 'You cannot name this account as a facilitator: choose a host of the meeting or a colleague who manages its events.',
};
