import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { forbidden, notFound, validationFailed } from '../../server/errors.ts';
import { can, canAnywhere, inScope, type Actor } from '../accounts/actor.ts';
import type { Permission } from '../accounts/permissions.ts';
import { units } from '../units/schema.ts';
import { people } from './schema.ts';
import type { PersonRow } from './present.ts';

export type PersonAction = 'read' | 'create' | 'update' | 'delete';

const permissionFor: Record<PersonAction, Permission> = {
  read: 'people.read',
  create: 'people.create',
  update: 'people.update',
  delete: 'people.delete',
};

/** The permission an action on a person record needs. */
export const personPermission = (action: PersonAction): Permission => permissionFor[action];

/** True when the actor may do `action` to a person kept in the unit at `unitPath`. */
export function mayOnPerson(actor: Actor, action: PersonAction, unitPath: string): boolean {
  return can(actor, permissionFor[action], unitPath);
}

/**
 * Loads a live person for an action. Someone the caller cannot read is a 404, never a 403, so
 * a guess at an id does not confirm that a record exists; a readable person the caller may not
 * change is a 403. The read scope is applied in SQL.
 */
export async function loadPersonFor(db: Db, actor: Actor, id: string, action: PersonAction): Promise<{ person: PersonRow; unitPath: string }> {
  const [row] = await db
    .select({ person: people, unitPath: units.path })
    .from(people)
    .innerJoin(units, eq(units.id, people.unitId))
    .where(and(eq(people.id, id), isNull(people.deletedAt), inScope(actor, 'people.read', people.unitId)))
    .limit(1);
  if (!row) throw notFound('Person');
  if (!mayOnPerson(actor, action, row.unitPath)) throw forbidden();
  return row;
}

/** Same as `loadPersonFor`, locking the row so concurrent writes to one person queue up. */
export async function lockPersonFor(tx: Db, actor: Actor, id: string, action: PersonAction) {
  await tx.execute(sql`select 1 from people where id = ${id} for update`);
  return loadPersonFor(tx, actor, id, action);
}

/** Throws 403 when the actor holds `action` on no unit at all (checked before any lookup). */
export function assertMayAnywhere(actor: Actor, action: PersonAction): void {
  if (!canAnywhere(actor, permissionFor[action])) throw forbidden();
}

/**
 * The unit a person is being put in. A unit outside what the caller can read is reported as
 * unknown (a 422 on the field); a readable unit they may not `action` in is a 403.
 */
export async function loadUnitFor(db: Db, actor: Actor, unitId: string, action: PersonAction, path = 'unitId') {
  const [unit] = await db.select({ id: units.id, orgId: units.orgId, path: units.path }).from(units).where(eq(units.id, unitId)).limit(1);
  if (!unit || !mayOnPerson(actor, 'read', unit.path)) throw validationFailed('Unknown unit.', [{ path, message: 'No unit with this id that you can see.' }]);
  if (!mayOnPerson(actor, action, unit.path)) throw forbidden();
  return unit;
}
