import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import type { Actor } from '../accounts/actor.ts';
import { notFound } from '../../server/errors.ts';
import { units } from './schema.ts';

export interface UnitRow {
  id: string;
  orgId: string;
  parentId: string | null;
  kind: string;
  code: string;
  name: string;
  path: string;
  depth: number;
  areaCount: number;
  peopleCount: number;
}

/**
 * Units the actor can see: every unit at or under one of their grants, plus the ancestors of
 * those grants (names only matter there, so the tree can be drawn). `peopleCount` is the whole
 * subtree's: people are counted once per unit in SQL and rolled up the tree here.
 */
export async function listVisibleUnits(db: Db, actor: Actor): Promise<UnitRow[]> {
  if (actor.grants.length === 0) return [];
  const prefixes = actor.grants.map((g) => `${g.unitPath}%`);
  const grantIds = actor.grants.map((g) => g.unitId);
  const rows = await execute<UnitRow>(
    db,
    sql`with visible as (
          select u.* from units u
          where u.path like any(${arrayParam(prefixes)}::text[])
             or exists (select 1 from units g where g.id = any(${arrayParam(grantIds)}::uuid[]) and g.path like u.path || '%')
          order by u.path
          limit 5000
        ),
        direct as (
          select p.unit_id, count(*)::int as n from people p
          where p.deleted_at is null and p.unit_id in (select id from visible)
          group by p.unit_id
        )
        select v.id, v.org_id as "orgId", v.parent_id as "parentId", v.kind, v.code, v.name, v.path,
          (length(v.path) - length(replace(v.path, '/', '')) - 2) as depth,
          (select count(*)::int from unit_areas ua where ua.unit_id = v.id) as "areaCount",
          coalesce(d.n, 0) as "peopleCount"
        from visible v left join direct d on d.unit_id = v.id
        order by v.path`,
  );
  // Path order puts every unit before its descendants, so walking it backwards adds each
  // subtree's total into its parent exactly once.
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i]!;
    const parent = r.parentId ? byId.get(r.parentId) : undefined;
    if (parent) parent.peopleCount += r.peopleCount;
  }
  return rows;
}

/** A unit by id or code, or 404. */
export async function getUnit(db: Db, idOrCode: string, orgId?: string) {
  const isUuid = /^[0-9a-f-]{36}$/i.test(idOrCode);
  const rows = await db
    .select()
    .from(units)
    .where(isUuid ? eq(units.id, idOrCode) : orgId ? sql`${units.code} = ${idOrCode} and ${units.orgId} = ${orgId}` : eq(units.code, idOrCode))
    .limit(2);
  if (rows.length !== 1) throw notFound('Unit');
  return rows[0]!;
}
