import { forbidden } from '../../server/errors.ts';
import type { Actor } from './actor.ts';
import { rolePermissions, roleRank } from './permissions.ts';
import type { Role } from './schema.ts';

/**
 * The highest role rank the actor may grant or revoke on the unit at `unitPath`: the rank of
 * their own best role carrying `roles.manage` on that unit or an ancestor. -1 means the unit is
 * outside every subtree they administer.
 */
export function manageRankAt(actor: Actor, unitPath: string): number {
  let best = -1;
  for (const g of actor.grants) {
    if (rolePermissions[g.role].includes('roles.manage') && unitPath.startsWith(g.unitPath)) best = Math.max(best, roleRank[g.role]);
  }
  return best;
}

/** Unit paths (as LIKE prefixes) under which the actor administers roles. */
export function managedPrefixes(actor: Actor): string[] {
  return actor.grants.filter((g) => rolePermissions[g.role].includes('roles.manage')).map((g) => `${g.unitPath}%`);
}

/** Throws 403 unless the actor may grant or revoke `role` on the unit at `unitPath`. */
export function assertMayManage(actor: Actor, unitPath: string, role: Role): void {
  const rank = manageRankAt(actor, unitPath);
  if (rank < 0) throw forbidden('You cannot manage roles on that unit.');
  if (roleRank[role] > rank) throw forbidden('You cannot grant or remove a role that ranks above your own.');
}
