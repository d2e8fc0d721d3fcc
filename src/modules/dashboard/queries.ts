import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { inScope, scopePaths, type Actor } from '../accounts/actor.ts';

export interface ScopeFigures {
  people: number;
  addedLast30Days: number;
  members: number;
  supporters: number;
}

export interface BreakdownRow {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  /** True for the people held directly by a top unit of the caller's scope (not in a child unit). */
  direct: boolean;
  people: number;
  addedLast30Days: number;
}

/** The units at the top of the caller's people scope: grants nested under another grant add nothing. */
export function scopeRoots(actor: Actor): string[] {
  const paths = [...new Set(scopePaths(actor, 'people.read'))];
  return paths.filter((p) => !paths.some((q) => q !== p && p.startsWith(q)));
}

/** Key figures over every person the caller may read, counted by the database within scope. */
export async function scopeFigures(db: Db, actor: Actor): Promise<ScopeFigures> {
  const [row] = await execute<ScopeFigures>(db, sql`
    select count(*)::int as "people",
           count(*) filter (where p.created_at >= now() - interval '30 days')::int as "addedLast30Days",
           count(*) filter (where p.membership_status = 'member')::int as "members",
           count(*) filter (where p.membership_status = 'supporter')::int as "supporters"
      from people p
     where p.deleted_at is null and ${inScope(actor, 'people.read', sql`p.unit_id`)}`);
  return row ?? { people: 0, addedLast30Days: 0, members: 0, supporters: 0 };
}

/**
 * People per unit one level below the top of the caller's scope (each child counts its whole
 * subtree), plus the people held directly by each top unit, children by name. Together the rows partition the
 * scope, so a national lead sees regions and a branch volunteer sees their branch.
 */
export async function scopeBreakdown(db: Db, actor: Actor, limit: number): Promise<BreakdownRow[]> {
  const roots = scopeRoots(actor);
  if (roots.length === 0) return [];
  return execute<BreakdownRow>(db, sql`
    with roots as (
      select id, parent_id, name, kind, path from units where path = any(${arrayParam(roots)}::text[])
    ), groups as (
      select r.id, r.parent_id, r.name, r.kind, r.path, r.path as root_path, true as direct from roots r
      union all
      select c.id, c.parent_id, c.name, c.kind, c.path, r.path, false from units c join roots r on c.parent_id = r.id
    ), per_unit as (
      select p.unit_id, count(*)::int as n,
             count(*) filter (where p.created_at >= now() - interval '30 days')::int as recent
        from people p
       where p.deleted_at is null and ${inScope(actor, 'people.read', sql`p.unit_id`)}
       group by p.unit_id
    )
    select g.id, g.parent_id as "parentId", g.name, g.kind, g.direct,
           coalesce(sum(pu.n), 0)::int as "people", coalesce(sum(pu.recent), 0)::int as "addedLast30Days"
      from groups g
      left join units u on (g.direct and u.id = g.id) or (not g.direct and u.path like g.path || '%')
      left join per_unit pu on pu.unit_id = u.id
     group by g.id, g.parent_id, g.name, g.kind, g.direct, g.root_path
     order by g.root_path, g.direct desc, g.name, g.id
     limit ${limit}`);
}

/** The caller's grants with the names of their units. */
export async function myRoles(db: Db, actor: Actor) {
  if (actor.grants.length === 0) return [];
  const rows = await execute<{ id: string; name: string; kind: string }>(
    db,
    sql`select id, name, kind from units where id = any(${arrayParam(actor.grants.map((g) => g.unitId))}::uuid[])`,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return actor.grants.map((g) => ({ role: g.role, unitId: g.unitId, unitName: byId.get(g.unitId)?.name ?? '', unitKind: byId.get(g.unitId)?.kind ?? '' }));
}

/** The caller's own latest audited actions (their account only, so no scope beyond that). */
export async function myRecentActions(db: Db, actor: Actor, limit: number) {
  const rows = await execute<{ id: string; action: string; entityType: string; entityId: string | null; createdAt: Date | string }>(db, sql`
    select id, action, entity_type as "entityType", entity_id as "entityId", created_at as "createdAt"
      from audit_events where actor_account_id = ${actor.accountId}
     order by created_at desc limit ${limit}`);
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
}
