import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { notFound } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import type { Permission } from '../accounts/permissions.ts';
import { orgsWith, resolveOrg } from '../people/orgScope.ts';
import { units } from '../units/schema.ts';

/**
 * The organisation a view for a unit or area is about: the unit's own (404 unless the actor
 * holds `permission` somewhere in that organisation, so other organisations' units are not
 * confirmed), else `orgId`, else the actor's only organisation.
 */
export async function viewOrg(db: Db, actor: Actor, permission: Permission, q: { unit?: string; orgId?: string }): Promise<string> {
  if (!q.unit) return resolveOrg(actor, [permission], q.orgId);
  const [unit] = await db.select({ orgId: units.orgId }).from(units).where(eq(units.id, q.unit)).limit(1);
  if (!unit || !orgsWith(actor, [permission]).includes(unit.orgId) || (q.orgId && q.orgId !== unit.orgId)) throw notFound('Unit');
  return unit.orgId;
}
