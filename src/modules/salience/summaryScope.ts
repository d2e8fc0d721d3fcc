import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import type { Actor } from '../accounts/actor.ts';
import { rolePermissions } from '../accounts/permissions.ts';
import { units } from '../units/schema.ts';

/**
 * The units whose subtrees make up what the actor sees of salience in an organisation, narrowed
 * to `unitId`'s subtree when given: the unit itself when it lies inside one of their grants,
 * else their grants that lie inside it. Disjoint, so their cells add up. Also how many units
 * the scope spans (to judge whether precomputed figures are worth using).
 */
export async function salienceRoots(db: Db, actor: Actor, orgId: string, unitId?: string): Promise<{ roots: string[]; units: number }> {
  const grants = actor.grants.filter((g) => g.orgId === orgId && rolePermissions[g.role].includes('salience.read'));
  let tops = grants.filter((g) => !grants.some((o) => o !== g && o.unitPath !== g.unitPath && g.unitPath.startsWith(o.unitPath)));
  tops = tops.filter((g, i) => tops.findIndex((o) => o.unitPath === g.unitPath) === i);
  let roots = tops.map((g) => ({ id: g.unitId, path: g.unitPath }));
  if (unitId) {
    const [unit] = await db.select({ id: units.id, path: units.path }).from(units).where(eq(units.id, unitId)).limit(1);
    roots = !unit ? [] : roots.some((r) => unit.path.startsWith(r.path)) ? [unit] : roots.filter((r) => r.path.startsWith(unit.path));
  }
  if (roots.length === 0) return { roots: [], units: 0 };
  const [row] = await execute<{ n: number }>(db, sql`select count(*)::int as n from units where path like any(${arrayParam(roots.map((r) => `${r.path}%`))}::text[])`);
  return { roots: roots.map((r) => r.id), units: row?.n ?? 0 };
}
