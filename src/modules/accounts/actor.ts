import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { forbidden } from '../../server/errors.ts';
import { rolePermissions, type Permission } from './permissions.ts';
import type { Role } from './schema.ts';

export interface Grant {
  unitId: string;
  unitPath: string;
  orgId: string;
  role: Role;
}

/** Who is making a request, with their grants as read at the start of that request. */
export interface Actor {
  accountId: string;
  email: string;
  displayName: string;
  grants: Grant[];
  via: 'session' | 'token' | 'system';
  sessionId?: string;
}

/** Unit paths under which the actor holds `permission`; empty means nowhere. */
export function scopePaths(actor: Actor, permission: Permission): string[] {
  return actor.grants.filter((g) => rolePermissions[g.role].includes(permission)).map((g) => g.unitPath);
}

/** True when the actor holds `permission` on the unit at `unitPath` (or an ancestor of it). */
export function can(actor: Actor, permission: Permission, unitPath: string): boolean {
  return scopePaths(actor, permission).some((p) => unitPath.startsWith(p));
}

/** True when the actor holds `permission` anywhere. */
export function canAnywhere(actor: Actor, permission: Permission): boolean {
  return scopePaths(actor, permission).length > 0;
}

/**
 * SQL condition "unitColumn is a unit inside the actor's scope for `permission`". Every list
 * query of personal data uses this, so scope is enforced by the database, not after fetching.
 */
export function inScope(actor: Actor, permission: Permission, unitColumn: SQL | { name: string } | unknown): SQL {
  const paths = scopePaths(actor, permission).map((p) => `${p}%`);
  if (paths.length === 0) return sql`false`;
  return sql`${unitColumn} in (select u.id from units u where u.path like any(${arrayParam(paths)}::text[]))`;
}


/** Throws 403 unless the actor may do `permission` on the unit at `unitPath`. */
export function assertCan(actor: Actor, permission: Permission, unitPath: string): void {
  if (!can(actor, permission, unitPath)) throw forbidden();
}

/** Loads an actor's grants with unit paths in one query. */
export async function loadGrants(db: Db, accountId: string): Promise<Grant[]> {
  const rows = await execute<{ unit_id: string; path: string; org_id: string; role: Role }>(
    db,
    sql`select g.unit_id, u.path, u.org_id, g.role from role_grants g join units u on u.id = g.unit_id where g.account_id = ${accountId}`,
  );
  return rows.map((r) => ({ unitId: r.unit_id, unitPath: r.path, orgId: r.org_id, role: r.role }));
}
