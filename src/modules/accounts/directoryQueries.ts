import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { badRequest } from '../../server/errors.ts';
import { decodeCursor, pageOf } from '../../server/pagination.ts';
import { canAnywhere, type Actor } from './actor.ts';
import { pickableAccountSql, purposePermission, qualifyingGrantSql, type DirectoryPurpose } from './pickableAccounts.ts';

export interface DirectoryEntry {
  id: string;
  displayName: string;
  units: { id: string; name: string }[];
}

export interface DirectoryFilter {
  can: DirectoryPurpose;
  q?: string;
  unit?: string;
  limit: number;
  cursor?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const MAX_WORDS = 6;

/**
 * Active accounts holding a role that carries the purpose's permission on a unit inside the
 * caller's own scope for it (the subtrees of the caller's grants that carry it), by name: the
 * rule of `pickableAccountSql`, which the writes naming a colleague check too. Only ids, names
 * and those units leave: never email addresses or roles. Scope is in the SQL.
 */
export async function listAccountDirectory(db: Db, actor: Actor, filter: DirectoryFilter): Promise<{ items: DirectoryEntry[]; nextCursor: string | null }> {
  if (!canAnywhere(actor, purposePermission[filter.can])) return { items: [], nextCursor: null };
  const after = decodeCursor(filter.cursor, 2) as [string, string] | null;
  if (after && (typeof after[0] !== 'string' || typeof after[1] !== 'string' || !UUID.test(after[1]))) {
    throw badRequest('The cursor is not valid; start again from the first page.');
  }
  const unitFilter = filter.unit ? sql`u.path like (select p.path from units p where p.id = ${filter.unit}) || '%'` : undefined;
  const conditions: SQL[] = [pickableAccountSql(actor, filter.can, unitFilter)];
  const words = (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
  for (const word of words) conditions.push(sql`lower(a.display_name) like ${`%${likeEscape(word)}%`}`);
  if (after) conditions.push(sql`(lower(a.display_name), a.id) > (${after[0]}, ${after[1]}::uuid)`);
  const rows = await execute<{ id: string; display_name: string; sort_name: string }>(
    db,
    sql`select a.id, a.display_name, lower(a.display_name) as sort_name
        from accounts a
        where ${sql.join(conditions, sql` and `)}
        order by lower(a.display_name), a.id
        limit ${filter.limit + 1}`,
  );
  const page = pageOf(rows, filter.limit, (r) => [r.sort_name, r.id]);
  if (page.items.length === 0) return { items: [], nextCursor: page.nextCursor };
  // The units each listed account qualifies on inside the caller's scope: one query for the page.
  const unitRows = await execute<{ account_id: string; id: string; name: string }>(
    db,
    sql`select distinct g.account_id, u.id, u.name
        from role_grants g join units u on u.id = g.unit_id
        where g.account_id = any(${arrayParam(page.items.map((r) => r.id))}::uuid[])
          and ${qualifyingGrantSql(actor, filter.can)}
        order by u.name, u.id`,
  );
  const unitsOf = new Map<string, { id: string; name: string }[]>();
  for (const u of unitRows) {
    const list = unitsOf.get(u.account_id) ?? [];
    list.push({ id: u.id, name: u.name });
    unitsOf.set(u.account_id, list);
  }
  return {
    items: page.items.map((r) => ({ id: r.id, displayName: r.display_name, units: unitsOf.get(r.id) ?? [] })),
    nextCursor: page.nextCursor,
  };
}
